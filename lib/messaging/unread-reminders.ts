import { and, asc, eq, gt, isNull, lte, ne, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { messages, notifications, profiles, threadParticipants, threads, type Notification } from "@/db/schema";
import type { RecurringTask } from "@/lib/jobs/types";
import { queueNotificationEmail } from "@/lib/notifications/email-notifications";
import { notify } from "@/lib/notifications/notify";
import { publishNotifications } from "@/lib/notifications/publish";
import { taskKeys } from "@/lib/notifications/task-keys";
import { threadHref } from "./links";

/**
 * Someone looking at the thread reads a new message within a second, so the bell waits a little:
 * only a participant who is elsewhere hears of it, once per thread until they read it. The email
 * waits ten minutes, once per unread run.
 */
export const BELL_DELAY_SECONDS = 5;
export const EMAIL_DELAY_SECONDS = 10 * 60;
const BATCH = 100;

type Stage = "bell" | "email";

/**
 * Sends the reminders that are due: a sweep over the unread runs whose bell or email has not gone
 * out (two small partial indexes), not a job per message, so a lively thread costs its sends
 * nothing. Rows are claimed with SKIP LOCKED, so every app process may sweep at once.
 */
export async function sendDueReminders(db: Database, now = new Date()): Promise<number> {
  let sent = 0;
  for (const stage of ["bell", "email"] as const) {
    const created = await db.transaction((tx) => sweep(tx, stage, now));
    sent += created.length;
    await publishNotifications(created);
  }
  return sent;
}

async function sweep(tx: Transaction, stage: Stage, now: Date): Promise<Notification[]> {
  const delay = stage === "bell" ? BELL_DELAY_SECONDS : EMAIL_DELAY_SECONDS;
  const pendingColumn = stage === "bell" ? threadParticipants.notifiedAt : threadParticipants.emailedAt;
  const due = await tx
    .select({ participant: threadParticipants, subject: threads.subject })
    .from(threadParticipants)
    .innerJoin(threads, eq(threads.id, threadParticipants.threadId))
    .where(and(lte(threadParticipants.unreadSince, new Date(now.getTime() - delay * 1000)), isNull(pendingColumn)))
    .orderBy(asc(threadParticipants.unreadSince))
    .limit(BATCH)
    .for("update", { of: threadParticipants, skipLocked: true });
  const created: Notification[] = [];
  for (const { participant, subject } of due) {
    const handled = and(eq(threadParticipants.threadId, participant.threadId), eq(threadParticipants.userId, participant.userId));
    await tx.update(threadParticipants).set(stage === "bell" ? { notifiedAt: now } : { emailedAt: now }).where(handled);
    // A muted thread, or someone who has left, is passed over (and so leaves the sweep's index).
    if (participant.muted || participant.leftAt !== null || participant.unreadCount === 0) continue;
    const first = await firstUnread(tx, participant.threadId, participant.userId, participant.lastReadSeq);
    if (!first) continue;
    const title = `${first.authorName} wrote in “${subject}”`;
    const link = threadHref(participant.threadId);
    if (stage === "email") {
      await queueNotificationEmail(tx, { userId: participant.userId, kind: "thread_message", title, body: first.preview, link });
      continue;
    }
    const taskKey = taskKeys.readThread(participant.threadId, participant.userId);
    const [open] = await tx.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.taskKey, taskKey), isNull(notifications.resolvedAt))).limit(1);
    if (!open) created.push(...(await notify(tx, [participant.userId], { type: "thread.message", title, body: first.preview, link, taskKey })));
  }
  return created;
}

/** The first message someone has not read (by another person), as a reminder quotes it. */
async function firstUnread(tx: Transaction, threadId: string, userId: string, lastReadSeq: number) {
  const [row] = await tx
    .select({ body: messages.body, deletedAt: messages.deletedAt, authorName: profiles.fullName, files: sql<number>`(select count(*)::int from message_attachments a where a.message_id = ${messages.id})` })
    .from(messages)
    .innerJoin(profiles, eq(profiles.userId, messages.authorId))
    .where(and(eq(messages.threadId, threadId), gt(messages.seq, lastReadSeq), ne(messages.authorId, userId)))
    .orderBy(asc(messages.seq))
    .limit(1);
  if (!row) return null;
  const preview = row.deletedAt ? "Message deleted" : row.body.length > 0 ? row.body.slice(0, 280) : row.files === 1 ? "Sent a file" : `Sent ${row.files} files`;
  return { authorName: row.authorName, preview };
}

/** The sweep, every two seconds in each app process (instrumentation.ts starts it with the job queue). */
export function threadReminderSweep(db: Database): RecurringTask {
  return { name: "thread-reminders", everySeconds: 2, run: async () => void (await sendDueReminders(db)) };
}
