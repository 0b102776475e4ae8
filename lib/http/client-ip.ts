/**
 * The address the nearest proxy (or Next itself) saw. Earlier X-Forwarded-For entries are
 * whatever the client chose to send, so trusting them would let anyone dodge per-IP limits.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((hop) => hop.trim()).filter(Boolean);
    const last = hops.at(-1);
    if (last) return last.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? "unknown";
}
