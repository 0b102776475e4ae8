import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { notifications, threadParticipants, threads, type Notification } from "@/db/schema";
import type { JobDefinition } from "@/lib/jobs/types";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import { runningJobs } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { queueNotificationEmail } from "@/lib/notifications/email-notifications";
import { notify } from "@/lib/notifications/notify";
import { publishNotifications } from "@/lib/notifications/publish";
import { taskKeys } from "@/lib/notifications/task-keys";
import { threadHref } from "./links";

export const THREAD_UNREAD_QUEUE = "thread-unread";

/**
 * Someone looking at the thread reads a new message within a second, so the bell waits a little:
 * only a participant who is elsewhere hears of it. The email waits ten minutes.
 */
export const BELL_DELAY_SECONDS = 5;
export const EMAIL_DELAY_SECONDS = 10 * 60;

export type UnreadReminder = { threadId: string; userId: string; stage: "bell" | "email"; seq: number; authorName: string; preview: string };

/** Called in the send's transaction for a participant whose unread run this message starts. */
export async function scheduleUnreadReminders(tx: Executor, reminder: Omit<UnreadReminder, "stage">, stages: { bell: boolean; email: boolean }): Promise<void> {
  // Only the app server runs the queue; a script (the demo seed) has nobody to remind.
  if (!runningJobs()) {
    logger.debug("no job queue in this process; unread reminders skipped", { threadId: reminder.threadId });
    return;
  }
  if (stages.bell) await enqueueInTransaction(tx, THREAD_UNREAD_QUEUE, { ...reminder, stage: "bell" }, { startAfter: BELL_DELAY_SECONDS });
  if (stages.email) await enqueueInTransaction(tx, THREAD_UNREAD_QUEUE, { ...reminder, stage: "email" }, { startAfter: EMAIL_DELAY_SECONDS });
}

/**
 * Sends the reminder if the participant still has not read the message: the bell once per thread
 * while unread (its task resolves when they read), the email once per unread run.
 */
export async function sendUnreadReminder(db: Database, reminder: UnreadReminder): Promise<void> {
  const created = await db.transaction(async (tx): Promise<Notification[]> => {
    const [row] = await tx
      .select({ participant: threadParticipants, subject: threads.subject })
      .from(threadParticipants)
      .innerJoin(threads, eq(threads.id, threadParticipants.threadId))
      .where(and(eq(threadParticipants.threadId, reminder.threadId), eq(threadParticipants.userId, reminder.userId)))
      .for("update", { of: threadParticipants });
    if (!row) return [];
    const { participant, subject } = row;
    const stillUnread = participant.leftAt === null && !participant.muted && participant.unreadCount > 0 && participant.lastReadSeq < reminder.seq;
    if (!stillUnread) return [];
    const title = `${reminder.authorName} wrote in “${subject}”`;
    const link = threadHref(reminder.threadId);
    if (reminder.stage === "email") {
      await queueNotificationEmail(tx, { userId: reminder.userId, kind: "thread_message", title, body: reminder.preview, link });
      return [];
    }
    const taskKey = taskKeys.readThread(reminder.threadId, reminder.userId);
    const [open] = await tx.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.taskKey, taskKey), isNull(notifications.resolvedAt))).limit(1);
    if (open) return [];
    return notify(tx, [reminder.userId], { type: "thread.message", title, body: reminder.preview, link, taskKey });
  });
  await publishNotifications(created);
}

export function createThreadUnreadJob(db: Database): JobDefinition<UnreadReminder> {
  return {
    name: THREAD_UNREAD_QUEUE,
    queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true },
    handle: (job) => sendUnreadReminder(db, job.data),
  };
}
