/**
 * What the host page (widget/loader.ts) and the panel iframe say to each other by postMessage.
 * Both sides post with an exact target origin and accept a message only from the one window and
 * origin they expect: a page that is not the embedding host (or not our panel) is ignored.
 */

export type HostIdentity = { userId: string; timestamp: string; userHash: string };

/** Panel → host. */
export type PanelMessage = { type: "nano:ready" } | { type: "nano:close" } | { type: "nano:unread"; unread: boolean };

/** Host → panel. */
export type HostMessage =
  | { type: "nano:identity"; identity: HostIdentity }
  | { type: "nano:page"; pageUrl: string; referrer: string }
  | { type: "nano:open"; open: boolean };

const short = (value: unknown, max: number): value is string => typeof value === "string" && value.length <= max;

/** A panel message, if `data` is one; anything else (other scripts' messages included) is null. */
export function parsePanelMessage(data: unknown): PanelMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === "nano:ready" || message.type === "nano:close") return { type: message.type };
  if (message.type === "nano:unread" && typeof message.unread === "boolean") return { type: "nano:unread", unread: message.unread };
  return null;
}

/** A host message, if `data` is one. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === "nano:open" && typeof message.open === "boolean") return { type: "nano:open", open: message.open };
  if (message.type === "nano:page" && short(message.pageUrl, 2048) && short(message.referrer, 2048)) {
    return { type: "nano:page", pageUrl: message.pageUrl, referrer: message.referrer };
  }
  if (message.type === "nano:identity" && typeof message.identity === "object" && message.identity !== null) {
    const identity = message.identity as Record<string, unknown>;
    if (short(identity.userId, 200) && identity.userId && short(identity.timestamp, 20) && identity.timestamp && short(identity.userHash, 200) && identity.userHash) {
      return { type: "nano:identity", identity: { userId: identity.userId, timestamp: identity.timestamp, userHash: identity.userHash } };
    }
  }
  return null;
}

/**
 * Whether a message event came from the window we talk to, at the origin we expect. Checking the
 * window too means another frame of the same origin (an ad of the host's, say) cannot speak for it.
 */
export function isFromPeer(event: { origin: string; source: unknown }, expectedOrigin: string | null, expectedSource: unknown): boolean {
  return expectedOrigin !== null && expectedSource != null && event.origin === expectedOrigin && event.source === expectedSource;
}

/** An origin as `scheme://host[:port]`, or null for anything else (paths, `null`, `*`, junk). */
export function normalizeOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin === value.replace(/\/$/, "") ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The host origin the panel will talk to: the one the loader named, and only when it is the app's
 * own origin or one of the allowed ones. When the browser tells the frame's real ancestor, it must
 * agree, so an allowed site cannot pretend to be another allowed site.
 */
export function acceptedHostOrigin(claimed: string | null | undefined, appOrigin: string, allowed: readonly string[], actualParent?: string | null): string | null {
  const origin = normalizeOrigin(claimed);
  if (!origin) return null;
  if (origin !== appOrigin && !allowed.includes(origin)) return null;
  if (actualParent && actualParent !== origin) return null;
  return origin;
}
