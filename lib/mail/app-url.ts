import { serverEnv } from "@/lib/env";

/**
 * An absolute link into the app, from the configured APP_URL — never from the request's Host header,
 * which anyone can set (a reset link pointing at an attacker's host would hand them the token).
 * `path` is the app's own path ("/reset-password?token=…"); APP_URL may carry a prefix ("https://x.org/portal").
 */
export function appUrl(path: string): string {
  const base = serverEnv().APP_URL.replace(/\/+$/, "");
  return `${base}/${path.replace(/^\/+/, "")}`;
}
