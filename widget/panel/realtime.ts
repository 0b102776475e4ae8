import Pusher, { type Channel } from "pusher-js";
import { channels, events } from "@/lib/realtime/channels";
import { pusherClientOptions } from "@/lib/realtime/client-options";
import type { RealtimeClientConfig } from "@/lib/realtime/config";
import type { VisitorMessageView, VisitorSessionPublic } from "@/lib/visitor-chat/types";

export type SessionHandlers = {
  subscribed: () => void;
  /** The channel refused us or the connection is unavailable: the panel works without live updates. */
  failed: () => void;
  message: (message: VisitorMessageView) => void;
  read: (side: "visitor" | "staff", seq: number) => void;
  session: (session: VisitorSessionPublic) => void;
  typing: (side: "visitor" | "staff", name: string) => void;
  /** Connected again after a drop: Pusher keeps no history, so what was missed is fetched. */
  reconnected: () => void;
};

export type SessionConnection = { channel: Channel; disconnect: () => void };

/** The visitor's own channel, authorized by their token. */
export function connectSession(config: RealtimeClientConfig, sessionId: string, token: string, on: SessionHandlers): SessionConnection {
  const pusher = new Pusher(config.key, pusherClientOptions(config, { endpoint: "/api/widget/pusher-auth", headers: { Authorization: `Bearer ${token}` } }));
  let dropped = false;
  pusher.connection.bind("state_change", ({ previous, current }: { previous: string; current: string }) => {
    if (previous === "connected" && current !== "connected") dropped = true;
    if (current === "unavailable" || current === "failed") on.failed();
    if (current === "connected" && dropped) {
      dropped = false;
      on.reconnected();
    }
  });
  const channel = pusher.subscribe(channels.visitorSession(sessionId));
  channel.bind("pusher:subscription_succeeded", () => on.subscribed());
  channel.bind("pusher:subscription_error", () => on.failed());
  channel.bind(events.visitorMessageCreated, (data: { message?: VisitorMessageView }) => {
    if (data?.message) on.message(data.message);
  });
  channel.bind(events.visitorSessionRead, (data: { side?: "visitor" | "staff"; seq?: number }) => {
    if ((data?.side === "visitor" || data?.side === "staff") && typeof data.seq === "number") on.read(data.side, data.seq);
  });
  channel.bind(events.visitorSessionUpdated, (data: { session?: VisitorSessionPublic }) => {
    if (data?.session) on.session(data.session);
  });
  channel.bind(events.typing, (data: { side?: "visitor" | "staff"; name?: string }) => {
    if ((data?.side === "visitor" || data?.side === "staff") && typeof data.name === "string") on.typing(data.side, data.name.slice(0, 80));
  });
  return { channel, disconnect: () => pusher.disconnect() };
}
