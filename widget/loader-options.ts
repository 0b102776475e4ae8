import type { HostIdentity } from "./protocol";

export type LoaderOptions = {
  position: "right" | "left";
  /** A CSS hex colour: anything else could smuggle CSS into the host page's style. */
  color: string;
  greeting: string;
  identity: HostIdentity | null;
};

export const DEFAULT_COLOR = "#2457d6";
export const DEFAULT_GREETING = "Hi! How can we help?";

/** The snippet's data attributes (`data-position`, `data-color`, `data-greeting`, identity), with safe defaults. */
export function readLoaderOptions(data: Record<string, string | undefined>): LoaderOptions {
  const color = data.color?.trim() ?? "";
  const greeting = (data.greeting ?? "").trim().slice(0, 200);
  const { userId, timestamp, userHash } = data;
  return {
    position: data.position === "left" ? "left" : "right",
    color: /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : DEFAULT_COLOR,
    greeting: greeting || DEFAULT_GREETING,
    identity: userId && timestamp && userHash ? { userId, timestamp, userHash } : null,
  };
}
