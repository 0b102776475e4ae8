import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loginAttempts, profiles, users } from "@/db/schema";
import { logger } from "@/lib/log/logger";
import { isSignInLimited } from "@/lib/rate-limit/sign-in-limits";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import type { Role } from "./roles";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  mustChangePassword: boolean;
};

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid_credentials" | "blocked" | "rate_limited" };

type Attempt = { email: string; password: string; ip: string };

/**
 * Checks a sign-in and records it. Attempts for one email are serialized by an advisory lock,
 * so a burst of parallel guesses cannot slip past the limit.
 */
export async function verifyCredentials(db: Database, attempt: Attempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0))`);
    const record = (outcome: string, succeeded: boolean, userId: string | null = null) =>
      tx.insert(loginAttempts).values({ email, ip: attempt.ip, outcome, succeeded, userId });

    if (await isSignInLimited(tx, email, attempt.ip)) {
      await record("rate_limited", false);
      return { ok: false, reason: "rate_limited" } as const;
    }
    const [row] = await tx
      .select({ user: users, name: profiles.fullName })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.email, email))
      .limit(1);
    if (!row) {
      await verifyPassword(await dummyPasswordHash(), attempt.password);
      await record("invalid_credentials", false);
      return { ok: false, reason: "invalid_credentials" } as const;
    }
    if (!(await verifyPassword(row.user.passwordHash, attempt.password))) {
      await record("invalid_credentials", false, row.user.id);
      return { ok: false, reason: "invalid_credentials" } as const;
    }
    // Told only to someone who knows the password, so it leaks nothing to a guesser.
    if (row.user.status === "blocked") {
      await record("blocked", false, row.user.id);
      return { ok: false, reason: "blocked" } as const;
    }
    await record("success", true, row.user.id);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, row.user.id));
    const user: SignedInUser = {
      id: row.user.id,
      email: row.user.email,
      name: row.name,
      role: row.user.role,
      sessionVersion: row.user.sessionVersion,
      mustChangePassword: row.user.mustChangePassword,
    };
    return { ok: true, user } as const;
  });
  const fields = { email, ip: attempt.ip, userId: result.ok ? result.user.id : undefined };
  if (result.ok) logger.info("sign-in", fields);
  else logger.warn("sign-in refused", { ...fields, reason: result.reason });
  return result;
}
