import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profiles, users } from "@/db/schema";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { queueMail } from "@/lib/mail/queue-mail";
import { passwordResetMail } from "@/lib/mail/templates/password-reset";
import { passwordResetPerEmail, passwordResetPerIp, takeRequestSlot } from "@/lib/rate-limit/request-limits";
import { parseInput } from "@/lib/validation";
import { issueAccountToken, TOKEN_LIFETIME_MINUTES } from "./account-tokens";
import { forgotPasswordSchema } from "./password-reset-schemas";

export const RESET_REQUESTED_MESSAGE =
  "If an account uses this email, we sent it a link to choose a new password. It works for 30 minutes. Check your spam folder if it does not arrive.";

/**
 * "Forgot password": the answer is the same whether or not the email has an account (nobody can
 * learn who has one), and the limits count every request, known email or not, so hitting them
 * says nothing either. Blocked accounts get no link: unblocking goes through an admin.
 */
export async function requestPasswordReset(db: Database, input: unknown, ip: string): Promise<ServiceResult<{ message: string }>> {
  const parsed = parseInput(forgotPasswordSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { email } = parsed.data;
  const outcome = await db.transaction(async (tx) => {
    const full = await takeRequestSlot(tx, [
      { limit: passwordResetPerEmail, key: email },
      { limit: passwordResetPerIp, key: ip },
    ]);
    if (full) return { limited: full === passwordResetPerEmail ? ("email" as const) : ("ip" as const), sent: false };
    const [row] = await tx
      .select({ id: users.id, email: users.email, status: users.status, name: profiles.fullName })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.email, email));
    if (!row || row.status !== "active") return { limited: null, sent: false };
    const token = await issueAccountToken(tx, row.id, "password_reset");
    await queueMail(tx, passwordResetMail(row, token, TOKEN_LIFETIME_MINUTES.password_reset));
    return { limited: null, sent: true };
  });
  // Never the token; whether a mail went out stays in the server's log only.
  logger.info("password reset requested", { email, ip, sent: outcome.sent, limited: outcome.limited ?? undefined });
  if (outcome.limited === "email") return fail("rate_limited", "Several links were already sent for this email in the last hour. Use the latest one, or try again later.");
  if (outcome.limited === "ip") return fail("rate_limited", "Too many reset requests from your network. Try again in an hour.");
  return ok({ message: RESET_REQUESTED_MESSAGE });
}
