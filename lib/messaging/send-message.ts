import type { z } from "zod";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { messageAttachments, messages, threadParticipants, threads, type Message } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { messageView, messageViews } from "./message-views";
import { findParticipationWith, isActiveParticipant, lockThread } from "./policy";
import { publishMessageCreated } from "./publish";
import { sendMessageSchema } from "./schemas";
import { SEND_RATE_LIMIT, type MessageView } from "./types";

export type StoredMessage = { message: Message; participantIds: string[]; repeated: boolean; hasAttachments: boolean };
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
  return ok(await publishStoredMessage(db, result.data, actor));
}

/** After commit: the message as clients see it, published unless it was a retry of a stored one. */
export async function publishStoredMessage(db: Database, stored: StoredMessage, author: Actor): Promise<MessageView> {
  // A new message without files is all in hand: no query needed to show it.
  const [view] = stored.hasAttachments ? await messageViews(db, [stored.message]) : [messageView(stored.message, { id: author.id, name: author.name, role: author.role }, [])];
  if (!view) throw new Error("sent message vanished");
  if (!stored.repeated) await publishMessageCreated(view, stored.participantIds);
  return view;
}

/** The send inside the caller's transaction (starting a thread stores its first message with it). */
export async function storeMessage(tx: Transaction, actor: Actor, input: SendMessageInput): Promise<ServiceResult<StoredMessage>> {
  const { threadId, clientMessageId, body, attachmentIds } = input;
  // One author's sends queue behind each other (a retry sees the first attempt's row, and the rate
  // limit cannot be raced by parallel requests); then the thread's lock orders its messages.
  const authorLock = sql`pg_advisory_xact_lock(hashtextextended(${`send:${actor.id}`}, 0))`;
  if (!(await lockThread(tx, threadId, authorLock))) return fail("not_found", "Thread not found");
  // Read after both locks, in one statement: what committed before them is in its snapshot.
  const participation = await findParticipationWith(tx, actor, threadId, priorSends(actor.id, clientMessageId));
  if (!participation) return fail("not_found", "Thread not found");
  if (participation.earlierId) {
    const [earlier] = await tx.select().from(messages).where(eq(messages.id, participation.earlierId));
    if (!earlier) throw new Error("an earlier send vanished under its author's lock");
    if (earlier.threadId !== threadId) return fail("conflict", "This message id was already used in another thread");
    return ok({ message: earlier, participantIds: [], repeated: true, hasAttachments: true });
  }
  if (participation.recentSends >= SEND_RATE_LIMIT.max) return fail("rate_limited", RATE_LIMITED_MESSAGE);
  if (!isActiveParticipant(participation.participant)) return fail("forbidden", "You are no longer part of this thread");

  const attached = await claimAttachments(tx, actor.id, threadId, attachmentIds);
  if (!attached) return fail("invalid", "Check the attachments", { attachmentIds: ["An attachment is missing or was already sent. Attach the file again."] });

  const seq = participation.thread.lastSeq + 1;
  const { message, recipients } = await insertMessage(tx, { threadId, seq, authorId: actor.id, clientMessageId, body, attachmentIds });
  return ok({ message, participantIds: [actor.id, ...recipients], repeated: false, hasAttachments: attachmentIds.length > 0 });
}

/** The message a retried clientMessageId already stored, and how many the author sent in the window. */
function priorSends(authorId: string, clientMessageId: string) {
  return {
    earlierId: sql<string | null>`(select id from ${messages} where author_id = ${authorId} and client_message_id = ${clientMessageId})`,
    recentSends: sql<number>`(select count(*)::int from ${messages} where author_id = ${authorId} and created_at > now() - make_interval(secs => ${SEND_RATE_LIMIT.windowSeconds}))`.mapWith(Number),
  };
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

type NewMessage = { threadId: string; seq: number; authorId: string; clientMessageId: string; body: string; attachmentIds: readonly string[] };

/**
 * Every write of a send in one statement (one round trip under the thread's lock): the message at
 * the time the lock was held (so times rise with seq), its files, the thread's newest position, the
 * author's read position (sending is reading), and one more unread for everyone else in it (the
 * first of a run starts its reminders' clock: unread-reminders.ts).
 */
async function insertMessage(tx: Transaction, m: NewMessage): Promise<{ message: Message; recipients: string[] }> {
  const { rows } = await tx.execute<{ id: string; created_at: string; recipients: string[] }>(sql`
    with ins as (
      insert into ${messages} (thread_id, seq, author_id, client_message_id, body, created_at)
      values (${m.threadId}, ${m.seq}, ${m.authorId}, ${m.clientMessageId}, ${m.body}, clock_timestamp())
      returning id, created_at
    ), files as (
      update ${messageAttachments} set message_id = (select id from ins) where id = any(${`{${m.attachmentIds.join(",")}}`}::uuid[])
    ), moved as (
      update ${threads} set last_seq = ${m.seq}, last_message_id = (select id from ins), last_message_at = (select created_at from ins) where id = ${m.threadId}
    ), own as (
      update ${threadParticipants} set last_read_seq = ${m.seq}, unread_count = 0, activity_at = (select created_at from ins), unread_since = null, notified_at = null, emailed_at = null
      where thread_id = ${m.threadId} and user_id = ${m.authorId}
    ), others as (
      update ${threadParticipants}
      set unread_count = unread_count + 1, activity_at = (select created_at from ins), unread_since = coalesce(unread_since, (select created_at from ins))
      where thread_id = ${m.threadId} and user_id <> ${m.authorId} and left_at is null
      returning user_id
    )
    select (select id from ins) as id, (select to_json(created_at) from ins) as created_at, coalesce((select json_agg(user_id) from others), '[]'::json) as recipients`);
  const row = rows[0];
  if (!row?.id) throw new Error("message insert returned nothing");
  const message: Message = { id: row.id, threadId: m.threadId, seq: m.seq, authorId: m.authorId, clientMessageId: m.clientMessageId, body: m.body, bodySearch: null, createdAt: new Date(row.created_at), editedAt: null, deletedAt: null };
  return { message, recipients: row.recipients };
}
