import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcements } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/policy";
import { ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockForChange } from "./lock";
import { publishAnnouncementChange } from "./publish";
import { announcementNotFound, checkFields, notAllowed, refusable } from "./refusal";
import { announcementIdSchema, unpublishAnnouncementSchema } from "./schemas";

/**
 * Takes an announcement down for good: banners and the Announcements page stop showing it, and a
 * scheduled one never goes out (the sweep skips unpublished rows). Bells already rung stay.
 */
export async function unpublishAnnouncement(db: Database, actor: Actor, announcementId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult> {
  if (!can(actor, "announcements:write")) return notAllowed();
  if (!announcementIdSchema.safeParse(announcementId).success) return announcementNotFound();
  const parsed = parseInput(unpublishAnnouncementSchema, input);
  if (!parsed.ok) return checkFields(parsed.fieldErrors);

  const outcome = await refusable(() =>
    db.transaction(async (tx) => {
      const before = await lockForChange(tx, announcementId, parsed.data.version);
      const [row] = await tx
        .update(announcements)
        .set({ unpublishedAt: now, version: before.version + 1 })
        .where(eq(announcements.id, before.id))
        .returning();
      if (!row) throw new Error(`announcement ${before.id} vanished while locked`);
      await recordAudit(tx, actor, {
        action: "announcement.unpublished",
        targetType: "announcement",
        targetId: row.id,
        metadata: { title: row.title, audience: row.audience, wasPublished: before.publishedAt !== null },
      });
      return row;
    }),
  );
  if (!outcome.ok) return outcome.result;
  if (outcome.value.publishedAt) await publishAnnouncementChange(db, outcome.value, "unpublished");
  return ok(undefined);
}
