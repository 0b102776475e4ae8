import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AccountTokenPurpose } from "@/db/schema";
import { loginAttempts, pendingEmailVerifications, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation";
import { findUsableToken, useUpTokens } from "./account-tokens";
import { hashPassword } from "./passwords";
import { resetPasswordSchema } from "./password-reset-schemas";
import { passwordIsNotEmail } from "./schemas";

/** Wrong, used, expired, or for a blocked account: one answer, never which. */
export const LINK_NOT_WORKING = "This link does not work any more";
const linkNotWorking = () => fail("not_found", LINK_NOT_WORKING);

/** Whether the reset page should show the form or the "link does not work" page; changes nothing. */
export async function checkResetLink(db: Database, token: unknown, purpose: LinkPurpose = "password_reset"): Promise<boolean> {
  return (await findUsableToken(db, token, purpose)) !== null;
}

/** A reset link from the email, or the set-password link a CS rep handed a converted visitor (same form, same rules). */
export type LinkPurpose = Extract<AccountTokenPurpose, "password_reset" | "account_setup">;

/**
 * Sets the password chosen through an emailed link. Bumping the session version ends every
 * session of the account (this browser was not signed in: it signs in afresh); every other open
 * reset link is used up; the change is audited. Proving the mailbox also confirms the email, and
 * counts as the account's last success, so earlier failed sign-ins no longer lock it.
 */
export async function resetPasswordWithToken(db: Database, input: unknown, ip: string, purpose: LinkPurpose = "password_reset"): Promise<ServiceResult<{ email: string }>> {
  const parsed = parseInput(resetPasswordSchema, input);
  const token = typeof (input as { token?: unknown } | null)?.token === "string" ? (input as { token: string }).token : undefined;
  const preview = await findUsableToken(db, token, purpose);
  if (!preview) return linkNotWorking();
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { newPassword } = parsed.data;
  if (!passwordIsNotEmail(newPassword, preview.user.email)) {
    return fail("invalid", "Check the highlighted fields", { newPassword: ["Password cannot be your email address"] });
  }
  const passwordHash = await hashPassword(newPassword);
  const done = await db.transaction(async (tx) => {
    // Checked again under the row lock: the link may have been used (or the account blocked) meanwhile.
    const found = await findUsableToken(tx, token, purpose, true);
    if (!found) return null;
    const user = found.user;
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await useUpTokens(tx, user.id, purpose);
    await tx.delete(pendingEmailVerifications).where(eq(pendingEmailVerifications.userId, user.id));
    await tx.insert(loginAttempts).values({ email: user.email, ip, userId: user.id, succeeded: true, outcome: purpose });
    await recordAudit(tx, { id: user.id, ip }, { action: purpose === "account_setup" ? "user.password_set_by_link" : "user.password_reset_by_email", targetType: "user", targetId: user.id });
    return user;
  });
  if (!done) return linkNotWorking();
  logger.info("password reset by email", { userId: done.id, ip });
  return ok({ email: done.email });
}
