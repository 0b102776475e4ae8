import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { visitorSessions, type VisitorSession } from "@/db/schema";
import { VISITOR_LIMITS } from "./types";

/** 256 random bits, base64url without padding: always 43 characters. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A new visitor token; the widget keeps it, the database only ever sees its hash. */
export function newVisitorToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isVisitorTokenFormat(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}

/** sha256 hex: the token has 256 bits of entropy, so a plain (unsalted, fast) hash is enough. */
export function hashVisitorToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** `Authorization: Bearer <token>`, or null when the header is absent or the token is not one we could have made. */
export function readBearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header || header.length > 200) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const token = match?.[1];
  return token && isVisitorTokenFormat(token) ? token : null;
}

/**
 * The newest session the token began within its lifetime, or null. The lookup is by hash, so its
 * timing can tell an attacker nothing about a token; the explicit constant-time compare keeps the
 * rule that a visitor's secret is never checked with `===`.
 */
export async function findSessionByToken(db: Executor, token: string): Promise<VisitorSession | null> {
  if (!isVisitorTokenFormat(token)) return null;
  const tokenHash = hashVisitorToken(token);
  const [session] = await db
    .select()
    .from(visitorSessions)
    .where(and(eq(visitorSessions.tokenHash, tokenHash), gt(visitorSessions.createdAt, sql`now() - make_interval(days => ${VISITOR_LIMITS.tokenLifetimeDays})`)))
    .orderBy(desc(visitorSessions.createdAt))
    .limit(1);
  if (!session) return null;
  return timingSafeEqual(Buffer.from(session.tokenHash, "utf8"), Buffer.from(tokenHash, "utf8")) ? session : null;
}
