import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { rateLimitHits } from "@/db/schema";

/** At most `max` requests per key in a sliding window; the bucket names what is counted. */
export type RequestLimit = { bucket: string; max: number; windowMinutes: number };

/** Reset links asked for: per email (someone mail-bombing one person) and per IP (someone probing many). */
export const passwordResetPerEmail: RequestLimit = { bucket: "password_reset:email", max: 3, windowMinutes: 60 };
export const passwordResetPerIp: RequestLimit = { bucket: "password_reset:ip", max: 10, windowMinutes: 60 };
/** Verification links resent from the banner: per account and per IP. */
export const verificationResendPerUser: RequestLimit = { bucket: "email_verification:user", max: 3, windowMinutes: 60 };
export const verificationResendPerIp: RequestLimit = { bucket: "email_verification:ip", max: 10, windowMinutes: 60 };

/**
 * Counts this request against every limit, in the caller's transaction, unless one of them is
 * already full: then nothing is counted and the full limit is returned. Each key is serialized by
 * an advisory lock (taken in the order given, the same order everywhere), so a burst of parallel
 * requests cannot all see room for one more.
 */
export async function takeRequestSlot(tx: Transaction, checks: readonly { limit: RequestLimit; key: string }[]): Promise<RequestLimit | null> {
  for (const { limit, key } of checks) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${limit.bucket}:${key}`}, 0))`);
  }
  for (const { limit, key } of checks) {
    const windowStart = sql`now() - make_interval(mins => ${limit.windowMinutes})`;
    // Hits older than the window count for nothing; dropping them keeps the table small.
    await tx.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, key), lt(rateLimitHits.createdAt, windowStart)));
    const [row] = await tx
      .select({ n: count() })
      .from(rateLimitHits)
      .where(
        and(
          eq(rateLimitHits.bucket, limit.bucket),
          eq(rateLimitHits.key, key),
          gt(rateLimitHits.createdAt, windowStart),
        ),
      );
    if ((row?.n ?? 0) >= limit.max) return limit;
  }
  await tx.insert(rateLimitHits).values(checks.map(({ limit, key }) => ({ bucket: limit.bucket, key })));
  return null;
}
