import type { z } from "zod";
import { and, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { messageAttachments, messages, threadParticipants, threads, type Message } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { messageViews } from "./message-views";
import { findParticipation, isActiveParticipant, lockThread } from "./policy";
import { publishMessageCreated } from "./publish";
import { sendMessageSchema } from "./schemas";
import { SEND_RATE_LIMIT, type MessageView } from "./types";
import { scheduleUnreadReminders } from "./unread-reminders";

export type StoredMessage = { message: Message; participantIds: string[]; repeated: boolean };
type SendMessageInput = z.output<typeof sendMessageSchema>;

export const RATE_LIMITED_MESSAGE = `You are sending messages very fast. Wait a few seconds and send again.`;

/**
 * Stores a message exactly once per (author, clientMessageId): a retry after a lost answer gets
 * the message already stored. The thread row's lock orders sends, so seq is commit order.
 */
export async function sendMessage(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<MessageView>> {
  requirePermission(actor, "threads:take-part");
  const parsed = parseInput(sendMessageSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the message", parsed.fieldErrors);

  const result = await db.transaction((tx) => storeMessage(tx, actor, parsed.data));
  if (!result.ok) return result;
  return ok(await publishStoredMessage(db, result.data));
}

/** After commit: the message as clients see it, published unless it was a retry of a stored one. */
export async function publishStoredMessage(db: Database, stored: StoredMessage): Promise<MessageView> {
  const [view] = await messageViews(db, [stored.message]);
  if (!view) throw new Error("sent message vanished");
  if (!stored.repeated) await publishMessageCreated(view, stored.participantIds);
  return view;
}

/** The send inside the caller's transaction (starting a thread stores its first message with it). */
export async function storeMessage(tx: Transaction, actor: Actor, input: SendMessageInput): Promise<ServiceResult<StoredMessage>> {
  const { threadId, clientMessageId, body, attachmentIds } = input;
  // One author's sends queue behind each other: a retry sees the first attempt's row, and the
  // rate limit cannot be raced by parallel requests.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`send:${actor.id}`}, 0))`);
  const [earlier] = await tx.select().from(messages).where(and(eq(messages.authorId, actor.id), eq(messages.clientMessageId, clientMessageId)));
  if (earlier) {
    if (earlier.threadId !== threadId) return fail("conflict", "This message id was already used in another thread");
    return ok({ message: earlier, participantIds: [], repeated: true });
  }
  if (await overRateLimit(tx, actor.id)) return fail("rate_limited", RATE_LIMITED_MESSAGE);

  await lockThread(tx, threadId);
  const participation = await findParticipation(tx, actor, threadId);
  if (!participation) return fail("not_found", "Thread not found");
  if (!isActiveParticipant(participation.participant)) return fail("forbidden", "You are no longer part of this thread");

  const attached = await claimAttachments(tx, actor.id, threadId, attachmentIds);
  if (!attached) return fail("invalid", "Check the attachments", { attachmentIds: ["An attachment is missing or was already sent. Attach the file again."] });

  const seq = participation.thread.lastSeq + 1;
  // The time the lock was held, not the transaction's start: times then rise with seq.
  const [message] = await tx.insert(messages).values({ threadId, seq, authorId: actor.id, clientMessageId, body, createdAt: sql`clock_timestamp()` }).returning();
  if (!message) throw new Error("message insert returned nothing");
  if (attachmentIds.length > 0) await tx.update(messageAttachments).set({ messageId: message.id }).where(inArray(messageAttachments.id, attachmentIds));
  await tx.update(threads).set({ lastSeq: seq, lastMessageId: message.id, lastMessageAt: message.createdAt }).where(eq(threads.id, threadId));
  // Sending is reading: everything before one's own message has been seen.
  await tx
    .update(threadParticipants)
    .set({ lastReadSeq: seq, unreadCount: 0, activityAt: message.createdAt, notifiedAt: null, emailedAt: null })
    .where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, actor.id)));
  const recipients = await countUnreadForOthers(tx, message);
  const preview = body.length > 0 ? body.slice(0, 280) : `Sent ${attachmentIds.length === 1 ? "a file" : `${attachmentIds.length} files`}`;
  for (const recipient of recipients) {
    if (recipient.muted || (!recipient.firstBell && !recipient.firstEmail)) continue;
    await scheduleUnreadReminders(tx, { threadId, userId: recipient.userId, seq, authorName: actor.name, preview }, { bell: recipient.firstBell, email: recipient.firstEmail });
  }
  return ok({ message, participantIds: [actor.id, ...recipients.map((recipient) => recipient.userId)], repeated: false });
}

async function overRateLimit(tx: Transaction, authorId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.authorId, authorId), gt(messages.createdAt, sql`now() - make_interval(secs => ${SEND_RATE_LIMIT.windowSeconds})`)));
  return (row?.n ?? 0) >= SEND_RATE_LIMIT.max;
}

/** The author's own pending uploads to this thread, locked; false if any id is not one. */
async function claimAttachments(tx: Transaction, authorId: string, threadId: string, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const rows = await tx
    .select({ id: messageAttachments.id })
    .from(messageAttachments)
    .where(and(inArray(messageAttachments.id, [...ids]), eq(messageAttachments.uploadedBy, authorId), eq(messageAttachments.threadId, threadId), isNull(messageAttachments.messageId)))
    .for("update");
  return rows.length === new Set(ids).size;
}

type Recipient = { userId: string; muted: boolean; firstBell: boolean; firstEmail: boolean };

/** Every other current participant has one more unread; the first unread of a run schedules the reminders. */
async function countUnreadForOthers(tx: Transaction, message: Message): Promise<Recipient[]> {
  const result = await tx.execute<{ user_id: string; muted: boolean; first_bell: boolean; first_email: boolean }>(sql`
    with before as (
      select user_id, notified_at, emailed_at from ${threadParticipants}
      where thread_id = ${message.threadId} and user_id <> ${message.authorId} and left_at is null
      for update
    )
    update ${threadParticipants} p
    set unread_count = p.unread_count + 1,
        activity_at = ${message.createdAt.toISOString()}::timestamptz,
        notified_at = coalesce(p.notified_at, now()),
        emailed_at = coalesce(p.emailed_at, now())
    from before
    where p.thread_id = ${message.threadId} and p.user_id = before.user_id
    returning p.user_id, p.muted, before.notified_at is null as first_bell, before.emailed_at is null as first_email`);
  return result.rows.map((row) => ({ userId: row.user_id, muted: row.muted, firstBell: row.first_bell, firstEmail: row.first_email }));
}
