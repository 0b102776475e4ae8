import { eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { visitorSessions, type Notification, type VisitorSession } from "@/db/schema";
import { fail } from "@/lib/errors";
import { publishNotifications } from "@/lib/notifications/publish";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { publishVisitorSessionUpdated } from "./publish";
import { staffName } from "./staff-names";
import { visitorSessionPublic } from "./views";

export const NOT_FOUND = "Conversation not found";
export const notFound = () => fail("not_found", NOT_FOUND);
export const ended = (session: Pick<VisitorSession, "status">) => fail("conflict", session.status === "converted" ? "This visitor already has an account: the conversation was converted" : "This conversation has been closed");

/** The session row, locked against other staff actions and sends for the rest of the transaction. */
export async function lockVisitorSession(tx: Transaction, sessionId: string): Promise<VisitorSession | null> {
  const [session] = await tx.select().from(visitorSessions).where(eq(visitorSessions.id, sessionId)).for("no key update");
  return session ?? null;
}

export async function holderRefusal(db: Executor, session: VisitorSession) {
  const name = (await staffName(db, session.claimedBy)) ?? "Another CS rep";
  return fail("conflict", `${name} has already taken this conversation`);
}

/**
 * In the transaction that takes, closes or converts a waiting visitor: the bell that asked every
 * CS rep and admin to serve them is done for all of them.
 */
export function resolveVisitorWaiting(tx: Executor, sessionId: string): Promise<Notification[]> {
  return resolveTask(tx, taskKeys.serveVisitor(sessionId));
}

/** After commit: the widget shows who has it (or that it ended), every console's queue refetches, resolved bells clear. */
export async function publishSessionChange(db: Executor, session: VisitorSession, resolved: readonly Notification[] = []): Promise<void> {
  await publishVisitorSessionUpdated(visitorSessionPublic(session, await staffName(db, session.claimedBy)));
  await publishNotifications(resolved);
}
