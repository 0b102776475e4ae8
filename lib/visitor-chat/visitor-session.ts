import { asc, desc, eq, gt, and } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { visitorMessages, type VisitorMessage, type VisitorSession } from "@/db/schema";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { staffName, staffNames } from "./staff-names";
import { findSessionByToken } from "./tokens";
import { VISITOR_LIMITS, type VisitorMessageView, type VisitorSessionPublic } from "./types";
import { visitorMessageView, visitorSessionPublic } from "./views";

export const EXPIRED_TOKEN_MESSAGE = "This chat has expired. Start a new conversation.";

/** The session the visitor's token proves, or 401: a missing, malformed, unknown or expired token are all the same to the caller. */
export async function visitorSessionFor(db: Executor, token: string | null): Promise<ServiceResult<VisitorSession>> {
  const session = token ? await findSessionByToken(db, token) : null;
  return session ? ok(session) : fail("unauthenticated", EXPIRED_TOKEN_MESSAGE);
}

export async function publicSessionView(db: Executor, session: VisitorSession): Promise<VisitorSessionPublic> {
  return visitorSessionPublic(session, await staffName(db, session.claimedBy));
}

export async function messageViews(db: Executor, rows: readonly VisitorMessage[]): Promise<VisitorMessageView[]> {
  const names = await staffNames(db, rows.map((row) => row.authorId));
  return rows.map((row) => visitorMessageView(row, row.authorId ? (names.get(row.authorId) ?? null) : null));
}

/** The newest page of a session's messages, oldest first. */
export async function newestMessages(db: Executor, sessionId: string): Promise<VisitorMessageView[]> {
  const rows = await db.select().from(visitorMessages).where(eq(visitorMessages.sessionId, sessionId)).orderBy(desc(visitorMessages.seq)).limit(VISITOR_LIMITS.pageSize);
  return messageViews(db, rows.reverse());
}

/** Messages after seq (catching up after a reconnect), oldest first, one page at a time. */
export async function messagesAfter(db: Executor, sessionId: string, after: number): Promise<VisitorMessageView[]> {
  const rows = await db
    .select()
    .from(visitorMessages)
    .where(and(eq(visitorMessages.sessionId, sessionId), gt(visitorMessages.seq, after)))
    .orderBy(asc(visitorMessages.seq))
    .limit(VISITOR_LIMITS.pageSize);
  return messageViews(db, rows);
}
