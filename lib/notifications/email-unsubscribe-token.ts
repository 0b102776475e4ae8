import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { isEmailKind, type EmailKind } from "./email-kinds";

/**
 * The one-click unsubscribe link's token: `<user id>.<kind>.<HMAC>`, signed with a key derived from
 * AUTH_SECRET. It needs no table and never expires (an old email's link keeps working), and it can
 * only turn off that one kind of email for that one person: changing either breaks the signature.
 */
function signature(userId: string, kind: EmailKind): string {
  const key = createHmac("sha256", serverEnv().AUTH_SECRET).update("notification-email-unsubscribe:v1").digest();
  return createHmac("sha256", key).update(`${userId}.${kind}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: EmailKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function readUnsubscribeToken(token: unknown): { userId: string; kind: EmailKind } | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [userId, kind, mac, ...rest] = token.split(".");
  if (rest.length > 0 || !userId || !uuid.test(userId) || !isEmailKind(kind) || !mac) return null;
  const expected = Buffer.from(signature(userId, kind));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}
