import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcements, type Announcement } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/policy";
import { ok, type ServiceResult } from "@/lib/errors";
import { instantToZonedTime } from "@/lib/assignments/time-zone";
import { parseInput } from "@/lib/validation";
import { lockForChange } from "./lock";
import { publishAnnouncementChange } from "./publish";
import { announcementNotFound, checkFields, notAllowed, refusable, refuse } from "./refusal";
import { announcementIdSchema, editAnnouncementSchema } from "./schemas";
import { readTiming } from "./timing";

const compared = ["title", "bodyMarkdown", "severity", "pinned", "publishAt", "expiresAt"] as const;

function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Text, severity, pin and expiry may change at any time; once published it shows as edited. The
 * audience stays (its bells have rung), and only a scheduled one can move its publish time.
 */
export async function editAnnouncement(db: Database, actor: Actor, announcementId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult<{ version: number }>> {
  if (!can(actor, "announcements:write")) return notAllowed();
  if (!announcementIdSchema.safeParse(announcementId).success) return announcementNotFound();
  const parsed = parseInput(editAnnouncementSchema, input);
  if (!parsed.ok) return checkFields(parsed.fieldErrors);
  const form = parsed.data;

  const outcome = await refusable(() =>
    db.transaction(async (tx) => {
      const before = await lockForChange(tx, announcementId, form.version);
      const published = before.publishedAt !== null;
      // Once published the form has no publish time; one sent anyway (a stale form) is ignored, and so is
      // the unchanged time of one about to go out (it may have just passed).
      const unchanged = form.publishAtLocal === instantToZonedTime(before.publishAt, form.timeZone);
      const read = readTiming(published || unchanged ? { ...form, publishAtLocal: undefined } : form, { publishNow: false, currentPublishAt: before.publishAt, now });
      if (!read.ok) refuse("invalid", "Check the highlighted fields", read.fieldErrors);
      const next = { title: form.title, bodyMarkdown: form.body, severity: form.severity, pinned: form.pinned, publishAt: read.timing.publishAt, expiresAt: read.timing.expiresAt };
      const changes: Record<string, unknown> = Object.fromEntries(
        compared.filter((key) => plain(before[key]) !== plain(next[key])).map((key) => [key, { from: plain(before[key]), to: plain(next[key]) }]),
      );
      if (Object.keys(changes).length === 0) return { row: before, changed: false };
      const [row] = await tx
        .update(announcements)
        .set({ ...next, editedAt: published ? now : before.editedAt, version: before.version + 1 })
        .where(eq(announcements.id, before.id))
        .returning();
      if (!row) throw new Error(`announcement ${before.id} vanished while locked`);
      // The body can be long: the audit keeps that it changed and its new length, not every word twice.
      if ("bodyMarkdown" in changes) changes.bodyMarkdown = { changed: true, length: row.bodyMarkdown.length };
      await recordAudit(tx, actor, { action: "announcement.edited", targetType: "announcement", targetId: row.id, metadata: { changes, published } });
      return { row, changed: true };
    }),
  );
  if (!outcome.ok) return outcome.result;
  const { row, changed } = outcome.value as { row: Announcement; changed: boolean };
  if (changed && row.publishedAt) await publishAnnouncementChange(db, row, "edited");
  return ok({ version: row.version });
}
