import { headers } from "next/headers";

const hostPattern = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The origin this request reached, for absolute URLs in social previews, robots.txt and the
 * sitemap. Auth.js already trusts the host header (`trustHost`), so the same proxy rules apply;
 * these responses are dynamic, so no shared cache keeps another request's host.
 */
export async function siteOrigin(): Promise<URL> {
  const h = await headers();
  const first = (value: string | null) => value?.split(",")[0]?.trim();
  const forwarded = first(h.get("x-forwarded-host")) ?? first(h.get("host"));
  const host = forwarded && hostPattern.test(forwarded) ? forwarded : "localhost:3000";
  const local = /^(localhost|127\.0\.0\.1)(:|$)/.test(host);
  const proto = first(h.get("x-forwarded-proto")) === "https" || (!local && first(h.get("x-forwarded-proto")) !== "http") ? "https" : "http";
  return new URL(`${proto}://${host}`);
}
