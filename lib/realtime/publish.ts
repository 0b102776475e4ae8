import { AsyncLocalStorage } from "node:async_hooks";
import Pusher from "pusher";
import { logger } from "@/lib/log/logger";
import { realtimeConfig } from "./config";

export type RealtimeEvent = { channel: string; name: string; data: Record<string, unknown> };

let client: Pusher | null | undefined;

/** The server SDK, or null when live updates are off. */
export function pusherServer(): Pusher | null {
  if (client === undefined) {
    const config = realtimeConfig();
    client = config
      ? new Pusher({ ...config.server, host: config.server.host, port: config.server.port === undefined ? undefined : String(config.server.port) })
      : null;
  }
  return client;
}

const silenced = new AsyncLocalStorage<true>();

/**
 * Runs `work` with publishing off, for work no browser can be watching (the demo seed runs
 * before any server is up): its events would only fail to reach a server or reach nobody.
 */
export function withoutLivePublishing<T>(work: () => Promise<T>): Promise<T> {
  return silenced.run(true, work);
}

/**
 * Called after the transaction has committed. The database is the source of truth: a failed
 * publish is logged and never fails the user's action; clients catch up by refetching.
 */
export async function publishAfterCommit(events: readonly RealtimeEvent[]): Promise<void> {
  if (silenced.getStore()) return;
  const sdk = pusherServer();
  if (!sdk || events.length === 0) return;
  // Pusher accepts at most 10 events per batch.
  for (let i = 0; i < events.length; i += 10) {
    const batch = events.slice(i, i + 10).map((event) => ({ channel: event.channel, name: event.name, data: event.data }));
    try {
      await sdk.triggerBatch(batch);
    } catch (error) {
      logger.warn("real-time publish failed", { events: batch.map((e) => `${e.channel}:${e.name}`), error: error instanceof Error ? error.message : String(error) });
    }
  }
}
