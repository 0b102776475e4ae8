import type { Database } from "@/db/client";
import { announcementRecipients, announcements } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/policy";
import { ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { publishAnnouncementChange, ringAndRecordPublication } from "./publish";
import { resolveRecipients } from "./recipients";
import { checkFields, notAllowed } from "./refusal";
import { createAnnouncementSchema } from "./schemas";
import { readTiming } from "./timing";

export type CreatedAnnouncement = { announcementId: string; published: boolean; notified: number };

/**
 * An admin writes an announcement and publishes it now (the bells ring in the same transaction) or
 * at a set time (the sweep in publish-due.ts publishes it then).
 */
export async function createAnnouncement(db: Database, actor: Actor, input: unknown, now: Date = new Date()): Promise<ServiceResult<CreatedAnnouncement>> {
  if (!can(actor, "announcements:write")) return notAllowed();
  const parsed = parseInput(createAnnouncementSchema, input);
  if (!parsed.ok) return checkFields(parsed.fieldErrors);
  const form = parsed.data;
  const publishNow = form.publish === "now";
  const read = readTiming(form, { publishNow, now });
  if (!read.ok) return checkFields(read.fieldErrors);

  let chosen: string[] = [];
  if (form.audience === "users") {
    const resolved = await resolveRecipients(db, form.recipients);
    if (resolved.unknown.length > 0) return checkFields({ recipients: [`Nobody has this email or public ID: ${resolved.unknown.slice(0, 10).join(", ")}`] });
    chosen = resolved.userIds;
  }

  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({
        title: form.title,
        bodyMarkdown: form.body,
        audience: form.audience,
        severity: form.severity,
        pinned: form.pinned,
        publishAt: read.timing.publishAt,
        expiresAt: read.timing.expiresAt,
        publishedAt: publishNow ? now : null,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("announcement insert returned nothing");
    if (chosen.length > 0) await tx.insert(announcementRecipients).values(chosen.map((userId) => ({ announcementId: row.id, userId })));
    await recordAudit(tx, actor, {
      action: "announcement.created",
      targetType: "announcement",
      targetId: row.id,
      metadata: { title: row.title, audience: row.audience, recipients: chosen.length || undefined, severity: row.severity, pinned: row.pinned, publishAt: row.publishAt.toISOString(), expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    const notified = publishNow ? await ringAndRecordPublication(tx, actor, row) : 0;
    return { row, notified };
  });

  if (publishNow) await publishAnnouncementChange(db, outcome.row, "published");
  return ok({ announcementId: outcome.row.id, published: publishNow, notified: outcome.notified });
}
