import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { messages, threads, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { addParticipants } from "./membership";
import { refusedRecipients } from "./policy";
import { startThreadSchema } from "./schemas";
import { publishStoredMessage, storeMessage } from "./send-message";

/**
 * A new direct thread with the people the policy lets the actor write to, opened by its first
 * message. Sending that message twice (same clientMessageId) opens it once.
 */
export async function startThread(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ threadId: string }>> {
  requirePermission(actor, "threads:take-part");
  const parsed = parseInput(startThreadSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { recipientIds, subject, body, clientMessageId } = parsed.data;

  const [repeated] = await db.select({ threadId: messages.threadId }).from(messages).where(and(eq(messages.authorId, actor.id), eq(messages.clientMessageId, clientMessageId)));
  if (repeated) return ok({ threadId: repeated.threadId });

  const candidates = await db.select({ id: users.id, role: users.role, status: users.status }).from(users).where(inArray(users.id, recipientIds));
  const refused = [...recipientIds.filter((id) => !candidates.some((candidate) => candidate.id === id)), ...(await refusedRecipients(db, actor, candidates))];
  if (refused.length > 0) {
    const message = refused.length === recipientIds.length && recipientIds.length === 1 ? "You cannot start a thread with this person" : "You cannot start a thread with some of these people";
    return fail("forbidden", message, { recipientIds: [message] });
  }

  try {
    const stored = await db.transaction(async (tx) => {
      const [thread] = await tx.insert(threads).values({ kind: "direct", subject, createdBy: actor.id }).returning({ id: threads.id });
      if (!thread) throw new Error("thread insert returned nothing");
      await addParticipants(tx, thread.id, [actor.id, ...recipientIds]);
      const first = await storeMessage(tx, actor, { threadId: thread.id, clientMessageId, body, attachmentIds: [] });
      // Nothing said, nothing opened: the thread goes back with the refusal.
      if (!first.ok) throw new FirstMessageRefused(first);
      return first.data;
    });
    await publishStoredMessage(db, stored, actor);
    return ok({ threadId: stored.message.threadId });
  } catch (error) {
    if (error instanceof FirstMessageRefused) return fail(error.refusal.code, error.refusal.message, { body: [error.refusal.message] });
    throw error;
  }
}

class FirstMessageRefused extends Error {
  constructor(readonly refusal: Extract<ServiceResult<unknown>, { ok: false }>) {
    super(refusal.message);
  }
}
