import { channelKind } from "./channels";
import { LIMITS } from "./config";
import { encodeFrame, ERROR_CODES, errorFrame, type InboundFrame } from "./frames";
import type { ProtocolContext, SocketSession } from "./session";

/**
 * Client events (`client-*`) follow Pusher's rules: only on private/presence
 * channels the sender is subscribed to, never on encrypted channels (the
 * server cannot vouch for ciphertext), never echoed to the sender, at most
 * `clientEventsPerSecond` per socket (error 4301, event dropped) and at most
 * 10 KB of data (error with code null: the message is refused, the
 * connection is fine). On presence channels the sender's user_id is attached.
 */
export function handleClientEvent(session: SocketSession, frame: InboundFrame, ctx: ProtocolContext): void {
  const { config, registry, logger } = ctx;
  const reject = (code: number | null, message: string): void => {
    logger.debug("client_event_rejected", { socketId: session.id, name: frame.event, reason: message });
    session.send(errorFrame(code, message));
  };

  if (!session.allowClientEvent(config.clientEventsPerSecond)) {
    reject(ERROR_CODES.clientEventRateLimit, "Client event rejected due to rate limit");
    return;
  }
  const channel = frame.channel;
  if (channel === undefined) {
    reject(null, "Client event rejected - a channel is required");
    return;
  }
  const kind = channelKind(channel);
  if (kind === "public" || channel.startsWith("private-encrypted-")) {
    reject(null, "Client event rejected - only supported on private and presence channels");
    return;
  }
  if (!registry.isSubscribed(channel, session.id)) {
    reject(null, "Client event rejected - not subscribed to channel");
    return;
  }
  const serialised = JSON.stringify(frame.data ?? null);
  if (Buffer.byteLength(serialised, "utf8") > LIMITS.maxClientEventBytes) {
    reject(null, `Client event rejected - data exceeds ${LIMITS.maxClientEventBytes} bytes`);
    return;
  }

  const userId = kind === "presence" ? registry.userIdOf(channel, session.id) : undefined;
  registry.broadcast(channel, encodeFrame(frame.event, frame.data ?? null, channel, userId), session.id);
}
