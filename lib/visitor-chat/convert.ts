import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database, Executor, Transaction } from "@/db/client";
import { users, visitorSessions, type Notification, type VisitorSession } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { issueAccountToken, TOKEN_LIFETIME_MINUTES } from "@/lib/auth/account-tokens";
import { hashPassword } from "@/lib/auth/passwords";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { appUrl } from "@/lib/mail/app-url";
import { ensureSupportThread } from "@/lib/messaging/membership";
import { isTimeZone } from "@/lib/time-zones";
import { insertUserWithProfile, isUniqueViolation } from "@/lib/users/insert-user";
import { parseInput } from "@/lib/validation";
import { copyConversationToThread, markConverted } from "./copy-to-thread";
import { convertSchema } from "./staff-schemas";
import { ended, holderRefusal, lockVisitorSession, notFound, publishSessionChange, resolveVisitorWaiting } from "./staff-session";
import { isWritable } from "./store-message";

export const EMAIL_TAKEN = "An account with this email already exists. Ask the visitor to sign in instead.";

export type Conversion = {
  userId: string;
  threadId: string;
  email: string;
  /** One-time link to choose a password: shown once to the CS rep, never stored. */
  setPasswordUrl: string;
  expiresInDays: number;
};

/**
 * Makes the visitor a student: the account (name and email as the CS rep confirmed them), their
 * Support thread, the conversation as a thread in their inbox, and a one-time set-password link
 * the CS rep hands over in the chat. The session row's lock makes a second conversion (a double
 * click, two tabs) find it converted, and the email's unique index backs the up-front check.
 * No email verification is pending: the CS rep confirmed the address with the visitor.
 */
export async function convertVisitorSession(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<Conversion>> {
  requirePermission(actor, "visitors:serve");
  const parsed = parseInput(convertSchema, input);
  if (!parsed.ok) {
    if (parsed.fieldErrors.sessionId) return notFound();
    return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  }
  const { sessionId, fullName, email } = parsed.data;
  // Hashed outside the transaction (it is slow on purpose); nobody knows this password.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));

  try {
    const result = await db.transaction(async (tx) => {
      const session = await lockVisitorSession(tx, sessionId);
      if (!session) return notFound();
      if (!isWritable(session)) return ended(session);
      if (!can(actor, "visitors:take-over")) {
        if (session.status === "open") return fail("forbidden", "Take the conversation first, then create the account");
        if (session.claimedBy !== actor.id) return holderRefusal(tx, session);
      }
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (taken) return fail("invalid", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });

      const { user } = await insertUserWithProfile(tx, { email, passwordHash, role: "student", fullName, timeZone: session.timeZone && isTimeZone(session.timeZone) ? session.timeZone : undefined });
      await ensureSupportThread(tx, user.id);
      const converted = await convertInto(tx, session, user.id, actor.id);
      const token = await issueAccountToken(tx, user.id, "account_setup");
      await recordAudit(tx, actor, { action: "visitor_session.converted", targetType: "visitor_session", targetId: sessionId, metadata: { userId: user.id, threadId: converted.convertedThreadId, via: "cs_rep" } });
      await recordAudit(tx, actor, { action: "user.created_from_visitor", targetType: "user", targetId: user.id, metadata: { sessionId } });
      return ok({ session: converted, userId: user.id, email: user.email, token, resolved: await resolveVisitorWaiting(tx, sessionId) });
    });
    if (!result.ok) return result;
    await publishSessionChange(db, result.data.session, result.data.resolved);
    return ok({
      userId: result.data.userId,
      threadId: result.data.session.convertedThreadId ?? "",
      email: result.data.email,
      // In the fragment, like reset links: it never reaches a server log or a Referer header.
      setPasswordUrl: appUrl(`/set-password#token=${result.data.token}`),
      expiresInDays: TOKEN_LIFETIME_MINUTES.account_setup / (60 * 24),
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalid", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}

async function convertInto(tx: Transaction, session: VisitorSession, studentId: string, agentId: string | null): Promise<VisitorSession> {
  const threadId = await copyConversationToThread(tx, session, { studentId, agentId });
  return markConverted(tx, session.id, studentId, threadId);
}

/**
 * Registration from the widget's "Create an account" link (`/register?visitor=<id>`): the new
 * student's conversation joins their inbox, in the registration's transaction, but only when the
 * session is still live and was started with this same email (case-insensitive): knowing a
 * session id alone gets nobody its conversation. Returns the converted session and the resolved
 * "visitor waiting" bells for the caller to publish after commit, or null when nothing was attached.
 */
export async function attachVisitorSessionOnRegistration(tx: Transaction, input: { userId: string; email: string; sessionId: string }): Promise<AttachedSession | null> {
  const id = convertSchema.shape.sessionId.safeParse(input.sessionId);
  if (!id.success) return null;
  const [session] = await tx
    .select()
    .from(visitorSessions)
    .where(sql`${visitorSessions.id} = ${id.data} and lower(${visitorSessions.email}) = lower(${input.email}) and ${visitorSessions.status} in ('open', 'claimed')`)
    .for("no key update");
  if (!session) return null;
  const converted = await convertInto(tx, session, input.userId, session.claimedBy);
  await recordAudit(tx, { id: input.userId }, { action: "visitor_session.converted", targetType: "visitor_session", targetId: session.id, metadata: { userId: input.userId, threadId: converted.convertedThreadId, via: "registration" } });
  return { session: converted, resolved: await resolveVisitorWaiting(tx, session.id) };
}

export type AttachedSession = { session: VisitorSession; resolved: Notification[] };

export function publishAttachedSession(db: Executor, attached: AttachedSession): Promise<void> {
  return publishSessionChange(db, attached.session, attached.resolved);
}
