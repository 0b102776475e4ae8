import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { messageAttachments, messages, threadParticipants, type Message } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { defaultFileStore, type FileStore } from "@/lib/storage";
import { discardStoredFiles } from "@/lib/storage/uploads";
import { parseInput } from "@/lib/validation";
import { messageViews } from "./message-views";
import { findParticipation, isActiveParticipant } from "./policy";
import { publishMessageUpdated } from "./publish";
import { editMessageSchema, messageRefSchema } from "./schemas";
import { MESSAGE_EDIT_WINDOW_MINUTES, type MessageView } from "./types";

const windowClosed = `Messages can be changed for ${MESSAGE_EDIT_WINDOW_MINUTES} minutes after sending`;

type Change = { message: Message; participantIds: string[]; removedKeys: string[] };

/** The author's own live message within the edit window, locked; or why not. */
async function ownChangeableMessage(tx: Transaction, actor: Actor, threadId: string, messageId: string, now: Date): Promise<ServiceResult<{ message: Message; participantIds: string[] }>> {
  const participation = await findParticipation(tx, actor, threadId);
  if (!participation) return fail("not_found", "Thread not found");
  const [message] = await tx.select().from(messages).where(and(eq(messages.id, messageId), eq(messages.threadId, threadId))).for("update");
  if (!message || message.authorId !== actor.id) return fail("not_found", "Message not found");
  if (!isActiveParticipant(participation.participant)) return fail("forbidden", "You are no longer part of this thread");
  if (message.deletedAt) return fail("conflict", "This message was deleted");
  if (now.getTime() - message.createdAt.getTime() > MESSAGE_EDIT_WINDOW_MINUTES * 60_000) return fail("conflict", windowClosed);
  const members = await tx.select({ userId: threadParticipants.userId }).from(threadParticipants).where(eq(threadParticipants.threadId, threadId));
  return ok({ message, participantIds: members.map((member) => member.userId) });
}

async function finish(db: Database, result: ServiceResult<Change>, files: Pick<FileStore, "storage">): Promise<ServiceResult<MessageView>> {
  if (!result.ok) return result;
  await discardStoredFiles(files.storage, result.data.removedKeys);
  const [view] = await messageViews(db, [result.data.message]);
  if (!view) throw new Error("changed message vanished");
  await publishMessageUpdated(view, result.data.participantIds);
  return ok(view);
}

export async function editMessage(db: Database, actor: Actor, input: unknown, now = new Date()): Promise<ServiceResult<MessageView>> {
  requirePermission(actor, "threads:take-part");
  const parsed = parseInput(editMessageSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the message", parsed.fieldErrors);
  const { threadId, messageId, body } = parsed.data;
  const result = await db.transaction(async (tx): Promise<ServiceResult<Change>> => {
    const found = await ownChangeableMessage(tx, actor, threadId, messageId, now);
    if (!found.ok) return found;
    if (found.data.message.body === body) return ok({ ...found.data, removedKeys: [] });
    const [message] = await tx.update(messages).set({ body, editedAt: now }).where(eq(messages.id, messageId)).returning();
    if (!message) throw new Error("edit returned nothing");
    return ok({ message, participantIds: found.data.participantIds, removedKeys: [] });
  });
  return finish(db, result, defaultFileStore());
}

/** Leaves a tombstone (who and when); the words and the files are gone. */
export async function deleteMessage(db: Database, actor: Actor, input: unknown, now = new Date(), files: Pick<FileStore, "storage"> = defaultFileStore()): Promise<ServiceResult<MessageView>> {
  requirePermission(actor, "threads:take-part");
  const parsed = parseInput(messageRefSchema, input);
  if (!parsed.ok) return fail("not_found", "Message not found");
  const { threadId, messageId } = parsed.data;
  const result = await db.transaction(async (tx): Promise<ServiceResult<Change>> => {
    const found = await ownChangeableMessage(tx, actor, threadId, messageId, now);
    if (!found.ok) return found;
    const removed = await tx.delete(messageAttachments).where(eq(messageAttachments.messageId, messageId)).returning({ storageKey: messageAttachments.storageKey });
    const [message] = await tx.update(messages).set({ body: "", deletedAt: now }).where(eq(messages.id, messageId)).returning();
    if (!message) throw new Error("delete returned nothing");
    return ok({ message, participantIds: found.data.participantIds, removedKeys: removed.map((row) => row.storageKey) });
  });
  return finish(db, result, files);
}
