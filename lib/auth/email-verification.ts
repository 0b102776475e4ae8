import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { pendingEmailVerifications, profiles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { queueMail } from "@/lib/mail/queue-mail";
import { emailVerificationMail } from "@/lib/mail/templates/email-verification";
import { takeRequestSlot, verificationResendPerIp, verificationResendPerUser } from "@/lib/rate-limit/request-limits";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { findUsableToken, issueAccountToken, TOKEN_LIFETIME_MINUTES, useUpTokens } from "./account-tokens";
import { tokenOnlySchema } from "./password-reset-schemas";
import type { Role } from "./roles";

/** Sign-up: the account waits for its email to be confirmed, and the link goes out, in the sign-up's transaction. */
export async function startEmailVerification(tx: Executor, user: { id: string; email: string; name: string }): Promise<void> {
  await tx.insert(pendingEmailVerifications).values({ userId: user.id }).onConflictDoNothing();
  await sendVerificationEmail(tx, user);
}

/** Writes a verification link into the outbox, in the caller's transaction (sign-up or resend). */
export async function sendVerificationEmail(tx: Executor, user: { id: string; email: string; name: string }): Promise<void> {
  const token = await issueAccountToken(tx, user.id, "email_verification");
  await queueMail(tx, emailVerificationMail(user, token, TOKEN_LIFETIME_MINUTES.email_verification / 60));
}

/**
 * Confirms the email an emailed link was sent to. Wrong, used, expired, or for a blocked account:
 * one answer. Every other verification link of the account is used up with it.
 */
export async function verifyEmail(db: Database, input: unknown, ip?: string): Promise<ServiceResult<{ role: Role }>> {
  const parsed = parseInput(tokenOnlySchema, input);
  if (!parsed.ok) return fail("not_found", "This link does not work any more");
  const role = await db.transaction(async (tx) => {
    const found = await findUsableToken(tx, parsed.data.token, "email_verification", true);
    if (!found) return null;
    await tx.delete(pendingEmailVerifications).where(eq(pendingEmailVerifications.userId, found.user.id));
    await useUpTokens(tx, found.user.id, "email_verification");
    await recordAudit(tx, { id: found.user.id, ip }, { action: "user.email_verified", targetType: "user", targetId: found.user.id });
    return found.user.role;
  });
  if (!role) return fail("not_found", "This link does not work any more");
  return ok({ role });
}

/** Whether the actor still has to confirm their email (only self-registered students ever do). */
export async function needsEmailVerification(db: Executor, actor: Pick<Actor, "id" | "role">): Promise<boolean> {
  if (actor.role !== "student") return false;
  const [row] = await db.select({ userId: pendingEmailVerifications.userId }).from(pendingEmailVerifications).where(eq(pendingEmailVerifications.userId, actor.id));
  return row !== undefined;
}

export const VERIFY_FIRST_MESSAGE = "Confirm your email first: open the link we sent you, or send a new one from the notice at the top of the page.";

/**
 * The gate on requesting help and paying: a refusal for an unverified student, else null. Until
 * then a mistyped address would leave work and invoices where the student never hears of them.
 */
export async function refuseUnverified(db: Executor, actor: Pick<Actor, "id" | "role">): Promise<ServiceResult<never> | null> {
  return (await needsEmailVerification(db, actor)) ? fail("forbidden", VERIFY_FIRST_MESSAGE) : null;
}

/** The banner's "Resend link": limited per account and per IP, so it cannot be used to flood a mailbox. */
export async function resendVerificationEmail(db: Database, actor: Actor): Promise<ServiceResult<{ message: string }>> {
  const ip = actor.ip ?? "unknown";
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: users.id, email: users.email, name: profiles.fullName })
      .from(pendingEmailVerifications)
      .innerJoin(users, eq(users.id, pendingEmailVerifications.userId))
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.id, actor.id));
    if (!row) return "verified" as const;
    const full = await takeRequestSlot(tx, [
      { limit: verificationResendPerUser, key: actor.id },
      { limit: verificationResendPerIp, key: ip },
    ]);
    if (full) return "limited" as const;
    await sendVerificationEmail(tx, row);
    return "sent" as const;
  });
  logger.info("verification email resent", { userId: actor.id, ip, outcome });
  if (outcome === "verified") return ok({ message: "Your email is already confirmed." });
  if (outcome === "limited") return fail("rate_limited", "Several links were sent in the last hour. Use the latest one, or try again later.");
  return ok({ message: `We sent a new link to ${actor.email}. It works for ${TOKEN_LIFETIME_MINUTES.email_verification / 60} hours.` });
}
