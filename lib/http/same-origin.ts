/**
 * Route handlers get no automatic CSRF check, unlike server actions. Browsers label every
 * request with Sec-Fetch-Site; older ones at least send Origin on a cross-site POST.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === headers.get("host");
  } catch {
    return false;
  }
}
