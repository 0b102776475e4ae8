import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { messages, threadParticipants, threads, visitorMessages, visitorSessions, type VisitorSession } from "@/db/schema";
import { staffName } from "./staff-names";

/**
 * The visitor conversation as a direct thread between the new student and the CS rep, in the
 * caller's transaction: every message copied in order (seq 1..n, original times), the visitor's
 * authored by the student, staff messages by their authors (or the CS rep when that account is
 * gone). Both participants have read all of it: nothing in it is news to either.
 */
export async function copyConversationToThread(tx: Transaction, session: VisitorSession, people: { studentId: string; agentId: string | null }): Promise<string> {
  const rows = await tx.select().from(visitorMessages).where(eq(visitorMessages.sessionId, session.id)).orderBy(asc(visitorMessages.seq));
  const agentName = await staffName(tx, people.agentId);
  const subject = agentName ? `Chat with ${agentName} before sign-up` : "Chat with support before sign-up";
  const [thread] = await tx.insert(threads).values({ kind: "direct", subject, createdBy: people.agentId ?? people.studentId, createdAt: session.createdAt }).returning({ id: threads.id });
  if (!thread) throw new Error("thread insert returned nothing");

  // A staff message whose author is gone and with no CS rep to stand in has nobody to carry it.
  const kept = rows.flatMap((row) => {
    const authorId = row.authorKind === "visitor" ? people.studentId : (row.authorId ?? people.agentId);
    return authorId ? [{ authorId, body: row.body, createdAt: row.createdAt }] : [];
  });
  const inserted = kept.length
    ? await tx
        .insert(messages)
        .values(kept.map((m, i) => ({ threadId: thread.id, seq: i + 1, authorId: m.authorId, clientMessageId: randomUUID(), body: m.body, createdAt: m.createdAt })))
        .returning({ id: messages.id, seq: messages.seq, createdAt: messages.createdAt })
    : [];
  const last = inserted.reduce<(typeof inserted)[number] | undefined>((newest, m) => (!newest || m.seq > newest.seq ? m : newest), undefined);
  const lastSeq = last?.seq ?? 0;
  const activityAt = last?.createdAt ?? session.createdAt;
  if (last) await tx.update(threads).set({ lastSeq, lastMessageId: last.id, lastMessageAt: last.createdAt }).where(eq(threads.id, thread.id));

  const memberIds = [...new Set([people.studentId, ...(people.agentId ? [people.agentId] : [])])];
  await tx.insert(threadParticipants).values(memberIds.map((userId) => ({ threadId: thread.id, userId, lastReadSeq: lastSeq, unreadCount: 0, activityAt })));
  return thread.id;
}

/** The session's end as a conversion, pointing at the account and the thread it became. */
export async function markConverted(tx: Transaction, sessionId: string, userId: string, threadId: string): Promise<VisitorSession> {
  const [converted] = await tx
    .update(visitorSessions)
    .set({ status: "converted", convertedUserId: userId, convertedThreadId: threadId, convertedAt: sql`now()` })
    .where(eq(visitorSessions.id, sessionId))
    .returning();
  if (!converted) throw new Error("visitor session vanished under its lock");
  return converted;
}
