import { eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { visitorSessions, type VisitorSession } from "@/db/schema";
import { fail } from "@/lib/errors";
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

/** After commit: the widget shows who has it (or that it ended) and every console's queue refetches. */
export async function publishSessionChange(db: Executor, session: VisitorSession): Promise<void> {
  await publishVisitorSessionUpdated(visitorSessionPublic(session, await staffName(db, session.claimedBy)));
}
