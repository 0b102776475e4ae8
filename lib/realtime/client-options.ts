import type { Options } from "pusher-js";
import type { RealtimeClientConfig } from "./config";

/**
 * pusher-js options for our config, shared by the app's tabs and the widget's panel (which bundles
 * this file alone: it imports types only). Each says where its private channels are authorized.
 */
export function pusherClientOptions(config: RealtimeClientConfig, authorization: { endpoint: string; headers?: Record<string, string> }): Options {
  return {
    cluster: config.cluster,
    wsHost: config.wsHost,
    wsPort: config.wsPort,
    wssPort: config.wsPort,
    forceTLS: config.forceTLS,
    enabledTransports: ["ws", "wss"],
    disableStats: true,
    channelAuthorization: { transport: "ajax", ...authorization },
  };
}
