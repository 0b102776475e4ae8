import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { visitorMessages, visitorSessions, type VisitorMessage, type VisitorSession } from "@/db/schema";

export type NewVisitorMessage = { authorKind: "visitor" | "staff"; authorId: string | null; clientMessageId: string; body: string };

export type StoredVisitorMessage =
  | { ok: true; message: VisitorMessage; session: VisitorSession; repeated: boolean }
  | { ok: false; reason: "not_found" | "ended" };

/** Sessions that still take messages; a closed or converted one is read-only. */
export const isWritable = (session: Pick<VisitorSession, "status">) => session.status === "open" || session.status === "claimed";

/**
 * Stores a message in the caller's transaction, exactly once per (session, clientMessageId). The
 * session row's lock orders sends, so seq is commit order and "after seq n" misses nothing; the
 * author's side has read everything up to its own message.
 */
export async function storeVisitorMessage(tx: Transaction, sessionId: string, input: NewVisitorMessage): Promise<StoredVisitorMessage> {
  const [session] = await tx.select().from(visitorSessions).where(eq(visitorSessions.id, sessionId)).for("no key update");
  if (!session) return { ok: false, reason: "not_found" };
  const [earlier] = await tx
    .select()
    .from(visitorMessages)
    .where(and(eq(visitorMessages.sessionId, sessionId), eq(visitorMessages.clientMessageId, input.clientMessageId)));
  if (earlier) return { ok: true, message: earlier, session, repeated: true };
  if (!isWritable(session)) return { ok: false, reason: "ended" };

  const seq = session.lastSeq + 1;
  const [message] = await tx
    .insert(visitorMessages)
    .values({ sessionId, seq, authorKind: input.authorKind, authorId: input.authorId, clientMessageId: input.clientMessageId, body: input.body, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!message) throw new Error("visitor message insert returned nothing");
  const readPosition = input.authorKind === "visitor" ? { visitorReadSeq: seq } : { staffReadSeq: seq };
  const [updated] = await tx
    .update(visitorSessions)
    .set({ lastSeq: seq, lastMessageAt: message.createdAt, ...readPosition })
    .where(eq(visitorSessions.id, sessionId))
    .returning();
  if (!updated) throw new Error("visitor session vanished under its lock");
  return { ok: true, message, session: updated, repeated: false };
}
