import { createHash } from "node:crypto";
import { decode, getToken } from "next-auth/jwt";
import { serverEnv } from "@/lib/env";

type Claims = Record<string, unknown>;

// Decoding a session cookie (key derivation, decryption, MAC) is the largest single cost of a chat
// send after the database; the same browser sends the same cookie on every request. The claims
// inside a given cookie never change, so a decoded one is kept until it expires (at most
// CACHE_MS): blocking, sign-out and password changes are still checked against the database on
// every request (session-actor.ts).
const CACHE_MS = 5 * 60_000;
const MAX_CACHED = 10_000;
const decoded = new Map<string, { claims: Claims; until: number }>();

const cookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The session's JWT claims straight from its cookie. Auth.js's `auth()` outside the proxy runs its
 * whole session endpoint per call (a CSRF token, decode, re-encode and a Set-Cookie nobody can
 * send from a page or route); only the proxy can refresh the cookie, and it still does. Decoding
 * checks the same things: our secret, encryption, expiry. Auth.js names the cookie `__Secure-…`
 * on https and plain otherwise: either is ours if it decrypts (the name is also the key's salt).
 */
export async function sessionClaimsFromCookie(headers: Headers): Promise<Claims | null> {
  const secret = serverEnv().AUTH_SECRET;
  // The cookie alone: getToken would also take an Authorization header, which auth() never reads.
  const request = { headers: new Headers({ cookie: headers.get("cookie") ?? "" }) };
  for (const cookieName of cookieNames) {
    // raw: the cookie's value (joined from chunks if Auth.js split it), not yet decoded.
    const token = await getToken({ req: request, secret, cookieName, raw: true });
    if (!token) continue;
    const claims = await decodeOnce(token, cookieName, secret);
    if (claims) return claims;
  }
  return null;
}

async function decodeOnce(token: string, salt: string, secret: string): Promise<Claims | null> {
  const key = createHash("sha256").update(`${salt}\0${secret}\0${token}`).digest("base64url");
  const now = Date.now();
  const hit = decoded.get(key);
  if (hit && hit.until > now) return hit.claims;
  if (hit) decoded.delete(key);
  let claims: Claims | null;
  try {
    claims = await decode({ token, secret, salt });
  } catch {
    // A cookie that does not decrypt, or has expired, is no session (Auth.js answers the same).
    return null;
  }
  if (!claims) return null;
  const expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : now;
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { claims, until: Math.min(expiresAt, now + CACHE_MS) });
  return claims;
}
