import type { RawData, WebSocket } from "ws";
import { handleClientEvent } from "./client-events";
import { encodeFrame, ERROR_CODES, errorFrame, inboundFrameSchema } from "./frames";
import { newSocketId, SocketSession, type ProtocolContext } from "./session";
import { handleSubscribe, handleUnsubscribe, leaveChannel } from "./subscriptions";

/** pusher-js 8 speaks protocol 7; older protocols framed errors differently. */
const MIN_PROTOCOL_VERSION = 7;

export interface HandshakeInfo {
  appKey: string;
  protocol: string | null;
}

/**
 * Key and protocol problems are reported after the upgrade, as Pusher does:
 * a `pusher:error` frame then a close with the same 40xx code, which pusher-js
 * maps to "refused" and therefore does not retry in a loop.
 */
export function acceptConnection(
  ws: WebSocket,
  handshake: HandshakeInfo,
  ctx: ProtocolContext,
  sessions: Map<string, SocketSession>,
): void {
  const refuse = (code: number, message: string): void => {
    ctx.logger.info("connection_refused", { code, reason: message });
    ws.send(errorFrame(code, message), { binary: false });
    ws.close(code, message);
  };
  if (handshake.appKey !== ctx.config.key) {
    refuse(ERROR_CODES.appNotFound, `App key ${handshake.appKey} does not exist`);
    return;
  }
  const protocol = handshake.protocol === null ? Number.NaN : Number(handshake.protocol);
  // Pusher reserves 4008 for a missing version; both cases are collapsed into 4007 here, same "refused" outcome.
  if (!Number.isInteger(protocol) || protocol < MIN_PROTOCOL_VERSION) {
    refuse(ERROR_CODES.unsupportedProtocol, `Unsupported protocol version ${handshake.protocol ?? "(none)"}`);
    return;
  }

  let id = newSocketId();
  while (sessions.has(id)) id = newSocketId();
  const session = new SocketSession(id, ws);
  sessions.set(id, session);
  ctx.logger.debug("connected", { socketId: id });

  ws.on("message", (data, isBinary) => onMessage(session, data, isBinary, ctx));
  // Protocol-level ping/pong frames count as activity, so clients using them are not pinged again.
  ws.on("ping", () => session.markActive());
  ws.on("pong", () => session.markActive());
  ws.on("error", (error) => ctx.logger.warn("socket_error", { socketId: id, message: error.message }));
  ws.on("close", (code) => {
    sessions.delete(id);
    for (const channel of [...session.subscriptions]) leaveChannel(session, channel, ctx);
    ctx.logger.debug("disconnected", { socketId: id, code });
  });

  const established = JSON.stringify({ socket_id: id, activity_timeout: ctx.config.activityTimeoutSeconds });
  session.send(encodeFrame("pusher:connection_established", established));
}

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}

function onMessage(session: SocketSession, data: RawData, isBinary: boolean, ctx: ProtocolContext): void {
  session.markActive();
  // Malformed input of any kind is answered with a pusher:error; the connection stays open.
  try {
    if (isBinary) {
      session.send(errorFrame(null, "Binary frames are not supported"));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(rawToText(data));
    } catch {
      session.send(errorFrame(null, "Invalid JSON"));
      return;
    }
    const frame = inboundFrameSchema.safeParse(json);
    if (!frame.success) {
      session.send(errorFrame(null, "A frame must be a JSON object with a string `event`"));
      return;
    }
    const { event } = frame.data;
    if (event === "pusher:ping") session.send(encodeFrame("pusher:pong", {}));
    else if (event === "pusher:pong") return;
    else if (event === "pusher:subscribe") handleSubscribe(session, frame.data.data, ctx);
    else if (event === "pusher:unsubscribe") handleUnsubscribe(session, frame.data.data, ctx);
    else if (event.startsWith("client-")) handleClientEvent(session, frame.data, ctx);
    else session.send(errorFrame(null, `Unsupported event ${event.slice(0, 100)}`));
  } catch (error) {
    ctx.logger.error("message_handler_failed", {
      socketId: session.id,
      message: error instanceof Error ? error.message : String(error),
    });
    session.send(errorFrame(null, "Internal error while handling the message"));
  }
}

/**
 * Pusher's liveness rule: a socket silent for `activity_timeout` gets a
 * `pusher:ping`; if nothing arrives within the pong timeout it is closed with
 * 4201 so the client reconnects. One sweep for all sockets instead of a timer
 * per socket keeps thousands of idle connections cheap.
 */
export function sweepIdleSessions(sessions: Map<string, SocketSession>, ctx: ProtocolContext, now: number = Date.now()): void {
  const idleAfterMs = ctx.config.activityTimeoutSeconds * 1000;
  const ping = encodeFrame("pusher:ping", {});
  for (const session of sessions.values()) {
    if (session.pingSentAt !== null) {
      if (now - session.pingSentAt >= ctx.config.pongTimeoutMs) {
        ctx.logger.info("pong_timeout", { socketId: session.id });
        session.close(ERROR_CODES.pongNotReceived, "Pong reply not received");
      }
    } else if (now - session.lastSeenAt >= idleAfterMs) {
      session.pingSentAt = now;
      session.send(ping);
    }
  }
}
