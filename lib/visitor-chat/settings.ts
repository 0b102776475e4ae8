import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { visitorChatSettings, type VisitorChatSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { visitorChatSettingsSchema } from "./schemas";

/** The settings as the admin page and the widget read them (plain JSON). */
export type VisitorChatSettingsView = Pick<VisitorChatSettings, "timeZone" | "weeklyHours" | "awayMessage" | "requireEmail" | "cannedReplies"> & { updatedAt: string };

export function settingsView(row: VisitorChatSettings): VisitorChatSettingsView {
  return { timeZone: row.timeZone, weeklyHours: row.weeklyHours, awayMessage: row.awayMessage, requireEmail: row.requireEmail, cannedReplies: row.cannedReplies, updatedAt: row.updatedAt.toISOString() };
}

/** The one settings row; migration 0019 inserts it, so it is only put back if someone deleted it. */
export async function getVisitorChatSettings(db: Executor): Promise<VisitorChatSettings> {
  const [row] = await db.select().from(visitorChatSettings).where(eq(visitorChatSettings.id, 1));
  if (row) return row;
  const [created] = await db.insert(visitorChatSettings).values({ id: 1 }).onConflictDoNothing().returning();
  const [again] = created ? [created] : await db.select().from(visitorChatSettings).where(eq(visitorChatSettings.id, 1));
  if (!again) throw new Error("visitor chat settings row missing");
  return again;
}

/** Admins only: hours, time zone, away message, whether email is required, canned replies. */
export async function updateVisitorChatSettings(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<VisitorChatSettingsView>> {
  requirePermission(actor, "visitors:configure");
  const parsed = parseInput(visitorChatSettingsSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const values = parsed.data;
  const saved = await db.transaction(async (tx) => {
    const before = await getVisitorChatSettings(tx);
    const [row] = await tx
      .update(visitorChatSettings)
      .set({ ...values, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(visitorChatSettings.id, 1))
      .returning();
    if (!row) throw new Error("visitor chat settings update returned nothing");
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(row[key]));
    await recordAudit(tx, actor, { action: "visitor_chat.settings_updated", targetType: "visitor_chat_settings", targetId: null, metadata: { changed, ...values } });
    return row;
  });
  return ok(settingsView(saved));
}
