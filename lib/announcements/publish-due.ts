import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcements, type Announcement } from "@/db/schema";
import type { RecurringTask } from "@/lib/jobs/types";
import { publishAnnouncementChange, ringAndRecordPublication } from "./publish";

// Enough for any real backlog in one tick; the next tick takes the rest.
const MAX_PER_RUN = 50;

/**
 * Claims one due announcement: sets published_at where it is still null, skipping a row another
 * instance holds. The claim, the bells and the audit row share a transaction, so a crash rings
 * nobody and leaves the row for the next sweep; a committed claim is never taken again.
 */
async function publishNextDue(db: Database, now: Date): Promise<Announcement | null> {
  return db.transaction(async (tx) => {
    const due = sql`(select ${announcements.id} from ${announcements}
      where ${announcements.publishedAt} is null and ${announcements.unpublishedAt} is null and ${announcements.publishAt} <= ${now}
        and (${announcements.expiresAt} is null or ${announcements.expiresAt} > ${now})
      order by ${announcements.publishAt} limit 1 for update skip locked)`;
    const [claimed] = await tx
      .update(announcements)
      .set({ publishedAt: now })
      .where(and(eq(announcements.id, due), isNull(announcements.publishedAt)))
      .returning();
    if (!claimed) return null;
    await ringAndRecordPublication(tx, null, claimed);
    return claimed;
  });
}

/** Publishes every scheduled announcement whose time has come, each exactly once across app instances. */
export async function publishDueAnnouncements(db: Database, now: Date = new Date()): Promise<{ published: string[] }> {
  const published: string[] = [];
  for (let i = 0; i < MAX_PER_RUN; i++) {
    const row = await publishNextDue(db, now);
    if (!row) break;
    published.push(row.id);
    await publishAnnouncementChange(db, row, "published");
  }
  return { published };
}

/** Every 30 seconds in each app process; the claim makes concurrent runs harmless. */
export function announcementPublishSweep(db: Database): RecurringTask {
  return { name: "announcement-publish", everySeconds: 30, run: async () => void (await publishDueAnnouncements(db)) };
}
