import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { fromDrizzle, type QueueOptions } from "pg-boss";
import type { Database, Executor } from "@/db/client";
import { meetingParticipants, meetingReminders, meetings, profiles, type Meeting, type MeetingReminder, type Notification } from "@/db/schema";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import { runningJobs } from "@/lib/jobs/runner";
import type { JobDefinition, RecurringTask } from "@/lib/jobs/types";
import { logger } from "@/lib/log/logger";
import { publishNotifications } from "@/lib/notifications/publish";
import { ringParticipant } from "./notify-participants";

export const MEETING_REMINDER = "meeting-reminder";

type ReminderKind = MeetingReminder["kind"];

/** How long before the start each reminder rings. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { day_before: 24 * 3_600_000, quarter_hour: 15 * 60_000 };

export type MeetingReminderData = { reminderId: string };

// A few quick retries: a reminder that rings late is worth little, and one that never rings is
// what the row's unset sent_at shows.
export const MEETING_REMINDER_QUEUE: QueueOptions = { retryLimit: 5, retryDelay: 15, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 60, deleteAfterSeconds: 7 * 24 * 3600 };

const dueAtFor = (meeting: Pick<Meeting, "startsAt">, kind: ReminderKind) => new Date(meeting.startsAt.getTime() - REMINDER_LEAD_MS[kind]);

/**
 * A row per reminder still ahead (the day-before one is skipped for a meeting less than a day
 * away) and a job due at its time, in the caller's transaction. A reminder already there is kept
 * (meeting + kind is unique), so scheduling twice rings once.
 */
export async function scheduleMeetingReminders(tx: Executor, meeting: Pick<Meeting, "id" | "startsAt">, now: Date = new Date()): Promise<void> {
  for (const kind of Object.keys(REMINDER_LEAD_MS) as ReminderKind[]) {
    const dueAt = dueAtFor(meeting, kind);
    if (dueAt <= now) continue;
    const [row] = await tx.insert(meetingReminders).values({ meetingId: meeting.id, kind, dueAt }).onConflictDoNothing().returning({ id: meetingReminders.id });
    if (!row) continue;
    // Without a queue in this process (the demo seed), sweepUnqueuedReminders gives the row its job later.
    if (!runningJobs()) continue;
    const jobId = await enqueueInTransaction(tx, MEETING_REMINDER, { reminderId: row.id } satisfies MeetingReminderData, { startAfter: dueAt });
    if (jobId) await tx.update(meetingReminders).set({ jobId }).where(eq(meetingReminders.id, row.id));
  }
}

/**
 * Drops the reminders not yet sent (a cancel, a decline, or before a reschedule schedules new ones)
 * and, when this process runs the queue, their jobs. A job left behind finds its row gone and does nothing.
 */
export async function removeMeetingReminders(tx: Executor, meetingId: string): Promise<void> {
  const removed = await tx
    .delete(meetingReminders)
    .where(and(eq(meetingReminders.meetingId, meetingId), isNull(meetingReminders.sentAt)))
    .returning({ jobId: meetingReminders.jobId });
  const jobIds = removed.map((row) => row.jobId).filter((id): id is string => id !== null);
  const boss = runningJobs();
  if (!boss || jobIds.length === 0) return;
  try {
    await tx.transaction(async (savepoint) => boss.deleteJob(MEETING_REMINDER, jobIds, { db: fromDrizzle(savepoint, sql) }));
  } catch (error) {
    logger.warn("could not delete meeting reminder jobs; they will find nothing to send", { error: error instanceof Error ? error.message : String(error) });
  }
}

const reminderTitle: Record<ReminderKind, (title: string, other: string) => string> = {
  day_before: (title, other) => `Tomorrow: “${title}” with ${other}`,
  quarter_hour: (title, other) => `In 15 minutes: “${title}” with ${other}`,
};

/**
 * Rings one reminder for both participants who have not declined, once. The row is locked and
 * marked sent in the same transaction, so a duplicate, a retry or a second worker finds it sent.
 * A reminder whose row is gone, or whose meeting was cancelled or moved (its due time no longer
 * matches the start), or has started, rings nothing.
 */
export async function sendMeetingReminder(db: Database, reminderId: string, now: Date = new Date()): Promise<Notification[]> {
  const rung = await db.transaction(async (tx) => {
    const [reminder] = await tx.select().from(meetingReminders).where(eq(meetingReminders.id, reminderId)).for("update");
    if (!reminder || reminder.sentAt) return [];
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, reminder.meetingId));
    if (!meeting || meeting.status !== "scheduled" || meeting.startsAt <= now) return [];
    if (dueAtFor(meeting, reminder.kind).getTime() !== reminder.dueAt.getTime()) return [];
    const people = await tx
      .select({ userId: meetingParticipants.userId, response: meetingParticipants.response, name: profiles.fullName })
      .from(meetingParticipants)
      .innerJoin(profiles, eq(profiles.userId, meetingParticipants.userId))
      .where(eq(meetingParticipants.meetingId, meeting.id));
    const rows: Notification[] = [];
    for (const person of people) {
      if (person.response === "declined") continue;
      const other = people.find((candidate) => candidate.userId !== person.userId)?.name ?? "your guest";
      rows.push(...(await ringParticipant(tx, meeting.id, person.userId, { type: "meeting.reminder", title: reminderTitle[reminder.kind](meeting.title, other), startsAt: meeting.startsAt })));
    }
    await tx.update(meetingReminders).set({ sentAt: now }).where(eq(meetingReminders.id, reminder.id));
    return rows;
  });
  await publishNotifications(rung);
  return rung;
}

/** The pg-boss job behind every reminder row (registered in lib/jobs/app-jobs.ts). */
export function meetingReminderJob(db: Database, queue: QueueOptions = MEETING_REMINDER_QUEUE): JobDefinition<MeetingReminderData> {
  return {
    name: MEETING_REMINDER,
    queue,
    async handle(job) {
      // A job only ever carries a row id; anything else is not worth a retry.
      const reminderId = z.uuid().safeParse(job.data.reminderId);
      if (reminderId.success) await sendMeetingReminder(db, reminderId.data);
    },
  };
}

/**
 * Gives a job to any reminder written without one (by a process whose queue was not running, e.g.
 * the demo seed), so it still rings; one already due runs at once and checks itself as any other.
 */
export function sweepUnqueuedReminders(db: Database, { olderThanSeconds = 30 } = {}): RecurringTask {
  return {
    name: "meetings.sweep-unqueued-reminders",
    everySeconds: 60,
    async run() {
      const stale = await db
        .select({ id: meetingReminders.id })
        .from(meetingReminders)
        .where(and(isNull(meetingReminders.jobId), isNull(meetingReminders.sentAt), lt(meetingReminders.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`)))
        .limit(100);
      for (const { id } of stale) {
        await db.transaction(async (tx) => {
          // Another worker may be sweeping the same row.
          const [row] = await tx.select().from(meetingReminders).where(and(eq(meetingReminders.id, id), isNull(meetingReminders.jobId))).for("update", { skipLocked: true });
          if (!row) return;
          const jobId = await enqueueInTransaction(tx, MEETING_REMINDER, { reminderId: row.id } satisfies MeetingReminderData, { startAfter: row.dueAt });
          if (jobId) await tx.update(meetingReminders).set({ jobId }).where(eq(meetingReminders.id, row.id));
        });
      }
    },
  };
}
