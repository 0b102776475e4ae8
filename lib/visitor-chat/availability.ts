import type { Executor } from "@/db/client";
import { logger } from "@/lib/log/logger";
import { channels } from "@/lib/realtime/channels";
import { pusherServer } from "@/lib/realtime/publish";
import { isWithinHours } from "./business-hours";
import { getVisitorChatSettings } from "./settings";
import type { WidgetAvailability } from "./types";

// Many widget loads in a burst ask once; a CS rep who just opened the console shows within seconds.
const PRESENCE_CACHE_MS = 2_000;
// The widget waits on this answer: a slow real-time server means offline, not a hanging form.
const PRESENCE_TIMEOUT_MS = 1_500;

let cached: { at: number; online: Promise<boolean> } | undefined;

/** Asks the real-time server how many staff have the console open (presence-support). */
async function askSupportPresence(): Promise<boolean> {
  const sdk = pusherServer();
  if (!sdk) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("presence query timed out")), PRESENCE_TIMEOUT_MS);
    });
    const response = await Promise.race([sdk.get({ path: `/channels/${channels.supportPresence}`, params: { info: "user_count" } }), timeout]);
    if (!response.ok) return false;
    const body = (await response.json()) as { user_count?: unknown };
    return typeof body.user_count === "number" && body.user_count > 0;
  } catch (error) {
    logger.warn("support presence unavailable; the widget shows offline", { error: error instanceof Error ? error.message : String(error) });
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether at least one CS rep or admin has the console open, from a cache of a couple of seconds. */
export function isSupportPresent(): Promise<boolean> {
  // The real clock, not the caller's `now` (tests pass fixed moments).
  const nowMs = Date.now();
  if (!cached || nowMs - cached.at > PRESENCE_CACHE_MS || nowMs < cached.at) cached = { at: nowMs, online: askSupportPresence() };
  return cached.online;
}

/** For tests: forget the cached presence answer. */
export function forgetSupportPresence(): void {
  cached = undefined;
}

/** Online = within business hours and someone is there; either missing, the widget takes an offline message. */
export async function widgetAvailability(db: Executor, now: Date = new Date()): Promise<WidgetAvailability> {
  const settings = await getVisitorChatSettings(db);
  const withinHours = isWithinHours(settings, now);
  const online = withinHours && (await isSupportPresent());
  return { online, withinHours, awayMessage: settings.awayMessage, requireEmail: settings.requireEmail };
}
