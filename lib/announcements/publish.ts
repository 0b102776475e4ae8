import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { announcementRecipients, type Announcement } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit, type RealtimeEvent } from "@/lib/realtime/publish";
import { ringAudience, rolesOfAudience } from "./audience";

export type AnnouncementChange = "published" | "edited" | "unpublished";

export const announcementLink = (id: string) => `/announcements#announcement-${id}`;

/**
 * Goes out inside the transaction that set published_at: the audience's bells and the audit row
 * exist together or not at all. `actor` is null when the schedule published it.
 */
export async function ringAndRecordPublication(tx: Executor, actor: Actor | null, announcement: Announcement): Promise<number> {
  const rang = await ringAudience(tx, announcement, { title: announcement.title, body: "New announcement", link: announcementLink(announcement.id) });
  await recordAudit(tx, actor, {
    action: "announcement.published",
    targetType: "announcement",
    targetId: announcement.id,
    metadata: { audience: announcement.audience, notified: rang, by: actor ? "admin" : "schedule", publishAt: announcement.publishAt.toISOString() },
  });
  return rang;
}

/**
 * After commit, the audience's open tabs refetch their banners and bell. A group audience gets one
 * event per role channel (at most four, for everyone) instead of one per member: Pusher takes ten
 * events a request, so 50,000 students would be 5,000 requests. Chosen people (at most 500) are
 * told on their own channels. Missed events are harmless: the bell polls and banners load with
 * every page.
 */
export async function publishAnnouncementChange(db: Executor, announcement: Pick<Announcement, "id" | "title" | "audience">, change: AnnouncementChange): Promise<void> {
  const data = { id: announcement.id, title: announcement.title, change };
  let targets: string[];
  if (announcement.audience === "users") {
    const chosen = await db.select({ userId: announcementRecipients.userId }).from(announcementRecipients).where(eq(announcementRecipients.announcementId, announcement.id));
    targets = chosen.map((row) => channels.user(row.userId));
  } else {
    targets = rolesOfAudience[announcement.audience].map((role) => channels.role(role));
  }
  await publishAfterCommit(targets.map((channel): RealtimeEvent => ({ channel, name: events.announcementsChanged, data })));
}
