import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import type { RecurringTask } from "@/lib/jobs/types";

/**
 * Scheduled meetings whose end has passed become completed. Participants keep holds_time: the
 * past cannot be double booked anyway, and the history shows what each person's time held.
 */
export async function completeEndedMeetings(db: Database, now: Date = new Date()): Promise<{ completed: string[] }> {
  const rows = await db
    .update(meetings)
    // A form rendered before the end carries the old version, so it cannot change a finished meeting.
    .set({ status: "completed", completedAt: now, updatedAt: now, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.status, "scheduled"), lte(meetings.endsAt, now)))
    .returning({ id: meetings.id });
  return { completed: rows.map((row) => row.id) };
}

/** Every minute in each app process; the update is idempotent, so two processes at once do no harm. */
export function meetingCompletionSweep(db: Database): RecurringTask {
  return { name: "meeting-completion", everySeconds: 60, run: async () => void (await completeEndedMeetings(db)) };
}
