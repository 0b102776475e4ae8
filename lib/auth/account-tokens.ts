import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { accountTokens, users, type AccountTokenPurpose, type User } from "@/db/schema";

/** How long each kind of emailed link works. */
export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  password_reset: 30,
  email_verification: 60 * 48,
  // Handed to a converted visitor by a CS rep in the chat, who may not open it the same day.
  account_setup: 60 * 24 * 7,
};

// 256 random bits: unguessable, so the links need no rate limit of their own.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new single-use token for the user; only its hash is stored, the token itself goes into the email. */
export async function issueAccountToken(tx: Executor, userId: string, purpose: AccountTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
  await tx.insert(accountTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt });
  return token;
}

/**
 * The account a token opens, when the token is well formed, known, for this purpose, unused,
 * unexpired and its account is active; null for any other case, never saying which. With `lock`
 * the token row is locked, so two uses of one link at once queue up and the second finds it used.
 */
export async function findUsableToken(db: Executor, token: unknown, purpose: AccountTokenPurpose, lock = false): Promise<{ tokenId: string; user: User } | null> {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
  const query = db
    .select({ tokenId: accountTokens.id, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
        eq(users.status, "active"),
      ),
    );
  const [row] = lock ? await query.for("update", { of: accountTokens }) : await query;
  return row ?? null;
}

/** Uses up every open token of that purpose for the user: one reset (or verification) ends all its links. */
export async function useUpTokens(tx: Transaction, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}
