import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { LIMITS } from "./config";

export function hmacSha256Hex(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data, "utf8").digest("hex");
}

export function md5Hex(body: Buffer | string): string {
  return createHash("md5").update(body).digest("hex");
}

/** Constant-time so a forged signature cannot be discovered byte by byte through response timing. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** `socket_id:channel[:channel_data]` — the string pusher-js authorizers sign for private and presence channels. */
export function channelAuthString(socketId: string, channel: string, channelData?: string): string {
  return channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
}

export function signChannelAuth(
  key: string,
  secret: string,
  socketId: string,
  channel: string,
  channelData?: string,
): string {
  return `${key}:${hmacSha256Hex(secret, channelAuthString(socketId, channel, channelData))}`;
}

export function verifyChannelAuth(
  auth: string,
  key: string,
  secret: string,
  socketId: string,
  channel: string,
  channelData?: string,
): boolean {
  return safeEqual(auth, signChannelAuth(key, secret, socketId, channel, channelData));
}

/**
 * The string signed for REST requests: `METHOD\npath\nquery` where the query
 * holds every parameter except `auth_signature`, keys lower-cased and sorted,
 * values unescaped — exactly what the `pusher` SDK produces.
 */
export function requestSigningString(method: string, path: string, params: ReadonlyMap<string, string>): string {
  const query = [...params.entries()]
    .filter(([name]) => name !== "auth_signature")
    .map(([name, value]): [string, string] => [name.toLowerCase(), value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  return `${method.toUpperCase()}\n${path}\n${query}`;
}

export type RequestVerification = { ok: true } | { ok: false; status: 401; reason: string };

export interface SignedRequest {
  method: string;
  path: string;
  params: ReadonlyMap<string, string>;
  rawBody: Buffer;
}

export function verifySignedRequest(
  request: SignedRequest,
  credentials: { key: string; secret: string },
  nowSeconds: number = Math.floor(Date.now() / 1000),
): RequestVerification {
  const fail = (reason: string): RequestVerification => ({ ok: false, status: 401, reason });
  const { params } = request;
  const authKey = params.get("auth_key");
  const timestamp = params.get("auth_timestamp");
  const signature = params.get("auth_signature");

  if (authKey === undefined || timestamp === undefined || signature === undefined) {
    return fail("Missing auth_key, auth_timestamp or auth_signature");
  }
  if (!safeEqual(authKey, credentials.key)) return fail("Unknown auth_key");
  if (params.get("auth_version") !== "1.0") return fail("auth_version must be 1.0");
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > LIMITS.maxTimestampSkewSeconds) {
    return fail(`Timestamp expired: given ${timestamp}, server time ${nowSeconds}`);
  }
  // Pusher only requires body_md5 when there is a body; when present it must match.
  const bodyMd5 = params.get("body_md5");
  if (request.rawBody.length > 0 || bodyMd5 !== undefined) {
    if (bodyMd5 === undefined || !safeEqual(bodyMd5, md5Hex(request.rawBody))) {
      return fail("body_md5 does not match the request body");
    }
  }
  const expected = hmacSha256Hex(credentials.secret, requestSigningString(request.method, request.path, params));
  if (!safeEqual(signature, expected)) return fail("Invalid signature");
  return { ok: true };
}

/** Builds a signed query string; used by tests and the benchmark to craft requests the SDK refuses to send. */
export function signQuery(
  credentials: { key: string; secret: string },
  method: string,
  path: string,
  extra: Record<string, string>,
  body?: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const params = new Map<string, string>([
    ["auth_key", credentials.key],
    ["auth_timestamp", String(timestampSeconds)],
    ["auth_version", "1.0"],
    ...Object.entries(extra),
  ]);
  if (body !== undefined) params.set("body_md5", md5Hex(body));
  const signature = hmacSha256Hex(credentials.secret, requestSigningString(method, path, params));
  const search = new URLSearchParams([...params.entries(), ["auth_signature", signature]]);
  return search.toString();
}
