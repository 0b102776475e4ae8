import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcementDismissals, announcements } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/policy";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit } from "@/lib/realtime/publish";
import { isForUser } from "./audience";
import { announcementNotFound } from "./refusal";
import { announcementIdSchema } from "./schemas";

/**
 * The person closes an announcement's banner; it stays closed on every device. Dismissing twice is
 * not an error (two tabs), and only the first is recorded. Someone outside the audience is told it
 * does not exist.
 */
export async function dismissAnnouncement(db: Database, actor: Actor, announcementId: string, now: Date = new Date()): Promise<ServiceResult<{ dismissed: boolean }>> {
  if (!can(actor, "announcements:read")) return fail("forbidden", "You cannot read announcements");
  if (!announcementIdSchema.safeParse(announcementId).success) return announcementNotFound();
  const dismissed = await db.transaction(async (tx) => {
    const [visible] = await tx
      .select({ id: announcements.id })
      .from(announcements)
      .where(and(eq(announcements.id, announcementId), isNotNull(announcements.publishedAt), isNull(announcements.unpublishedAt), isForUser(actor.id, actor.role)));
    if (!visible) return null;
    const inserted = await tx.insert(announcementDismissals).values({ userId: actor.id, announcementId, dismissedAt: now }).onConflictDoNothing().returning({ at: announcementDismissals.dismissedAt });
    if (inserted.length > 0) await recordAudit(tx, actor, { action: "announcement.dismissed", targetType: "announcement", targetId: announcementId });
    return inserted.length > 0;
  });
  if (dismissed === null) return announcementNotFound();
  // The person's other tabs drop the banner too.
  if (dismissed) await publishAfterCommit([{ channel: channels.user(actor.id), name: events.announcementsChanged, data: { id: announcementId, change: "dismissed" } }]);
  return ok({ dismissed });
}
