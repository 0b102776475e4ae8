import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

const windowStart = sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;

/** Failures since the account's last success, inside the window. Kept in PostgreSQL so every app instance sees them. */
export async function isSignInLimited(db: Executor, email: string, ip: string): Promise<boolean> {
  const lastSuccess = db
    .select({ at: sql`max(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)));
  const [byAccount] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.outcome, "invalid_credentials"),
        gt(loginAttempts.createdAt, windowStart),
        sql`${loginAttempts.createdAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    );
  if ((byAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.outcome, "invalid_credentials"), gt(loginAttempts.createdAt, windowStart)));
  return (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP;
}
