import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { VISITOR_LIMITS } from "./types";

/** What a host site that knows its signed-in user passes to the widget. */
export type HostIdentity = { userId: string; timestamp: number; userHash: string };

/** The hash a host site computes: HMAC-SHA256(secret, `${userId}:${timestamp}`), hex. */
export function hostIdentityHash(secret: string, userId: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${userId}:${timestamp}`, "utf8").digest("hex");
}

/**
 * The host site's user id when its hash checks out, else null. The timestamp (seconds since the
 * epoch) must be within 10 minutes of now either way, so a hash copied from a page cannot be
 * replayed later; the compare is constant-time so the hash cannot be guessed byte by byte.
 */
export function verifyHostIdentity(identity: HostIdentity, secret: string | undefined = serverEnv().WIDGET_IDENTITY_SECRET, now: Date = new Date()): string | null {
  if (!secret) return null;
  const { userId, timestamp, userHash } = identity;
  if (!Number.isSafeInteger(timestamp) || userId.length === 0) return null;
  if (Math.abs(now.getTime() / 1000 - timestamp) > VISITOR_LIMITS.identityWindowSeconds) return null;
  const expected = Buffer.from(hostIdentityHash(secret, userId, timestamp), "utf8");
  const given = Buffer.from(userHash.toLowerCase(), "utf8");
  // timingSafeEqual throws on unequal lengths; a hash of the wrong length is simply wrong.
  if (given.length !== expected.length) return null;
  return timingSafeEqual(given, expected) ? userId : null;
}
