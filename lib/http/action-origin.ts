/**
 * Cross-site posts to server actions, refused in proxy.ts with a 403 before Next sees them: Next
 * refuses them too, but answers 500 and logs an error. The policy is Next 16's own
 * (app-render/action-handler): the Origin's host must equal the first X-Forwarded-Host or else the
 * Host, or match `serverActions.allowedOrigins` (exact hosts or `*.` / `**.` subdomain patterns).
 *
 * A post without Origin passes, as in Next. Every current browser sends Origin on every POST, so
 * only a non-browser client (curl, a script) omits it, and such a client carries no victim's
 * cookies; session cookies are also SameSite=Lax, which browsers never send on a cross-site POST.
 * `Origin: null` (sandboxed frames, privacy redirects) and a malformed Origin are refused.
 */

/** Hosts allowed to post actions from another origin: none. Keep in step with next.config.ts. */
export const serverActionAllowedOrigins: readonly string[] = [];

/** A request Next would try as a server action: a fetch action, or a form post to a page. */
export function isPossibleServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  const type = headers.get("content-type") ?? "";
  return headers.has("next-action") || type.startsWith("multipart/form-data") || type === "application/x-www-form-urlencoded";
}

export function isActionOriginAllowed(headers: Headers, allowedOrigins: readonly string[] = serverActionAllowedOrigins): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const originHost = hostOf(origin);
  if (!originHost) return false;
  const host = (headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host"))?.toLowerCase();
  if (originHost === host) return true;
  return allowedOrigins.some((pattern) => matchesHostPattern(originHost, pattern.toLowerCase()));
}

function hostOf(origin: string): string | undefined {
  if (origin === "null") return undefined;
  try {
    return new URL(origin).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

// `*` stands for one label, a final `**` for one or more; neither may stand for the whole domain.
function matchesHostPattern(host: string, pattern: string): boolean {
  if (host === pattern) return true;
  const hostLabels = host.split(".");
  const patternLabels = pattern.split(".");
  if (patternLabels.length < 2 || patternLabels.some((label) => label === "")) return false;
  for (let i = 1; i <= patternLabels.length; i++) {
    const label = patternLabels[patternLabels.length - i]!;
    const hostLabel = hostLabels[hostLabels.length - i];
    if (label === "**" && i === patternLabels.length) return hostLabel !== undefined;
    if (hostLabel === undefined || (label !== "*" && label !== hostLabel)) return false;
  }
  return hostLabels.length === patternLabels.length;
}
