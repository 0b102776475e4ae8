import fs from "node:fs";
import path from "node:path";

/**
 * Stops and starts the e2e server's real-time server mid-journey (scripts/lib/realtime-control.ts).
 * Only the harness (scripts/e2e-server.ts) can: against the dev server `realtimeControlUrl()` is null,
 * and a journey that needs it should skip. Start it again in a `finally`, or later journeys run
 * without live updates.
 */

/** The control endpoint named in .test-results/e2e-server.json, or null when there is none. */
export function realtimeControlUrl(): string | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.resolve(".test-results/e2e-server.json"), "utf8")) as { appUrl?: string; realtimeControlUrl?: string };
    // A file left by a killed run names another server: only the one playwright.config.ts starts counts.
    if (!info.appUrl || new URL(info.appUrl).port !== String(process.env.E2E_PORT ?? 3100)) return null;
    return info.realtimeControlUrl ?? null;
  } catch {
    return null;
  }
}

async function switchRealtime(action: "stop" | "start"): Promise<void> {
  const url = realtimeControlUrl();
  if (!url) throw new Error("The real-time server cannot be stopped here: no realtimeControlUrl in .test-results/e2e-server.json (run the journeys through scripts/e2e-server.ts)");
  const response = await fetch(`${url}/${action}`, { method: "POST" });
  if (!response.ok) throw new Error(`Real-time ${action} failed: ${response.status} ${await response.text()}`);
}

/** Every WebSocket is closed and the port stops listening; the app's publishes fail until startRealtime(). */
export function stopRealtime(): Promise<void> {
  return switchRealtime("stop");
}

/** Listening again on the same port once this resolves; pusher-js clients reconnect on their own schedule. */
export function startRealtime(): Promise<void> {
  return switchRealtime("start");
}
