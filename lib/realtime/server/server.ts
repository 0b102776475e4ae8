/**
 * Local Pusher-protocol server (protocol 7, one app) for development and
 * tests; production talks to Pusher Channels or Soketi through the same
 * `pusher` / `pusher-js` packages. Layout: config.ts (options, limits),
 * signature.ts (HMAC), channels.ts (registry, presence), session.ts +
 * socket-protocol.ts + subscriptions.ts + client-events.ts (WebSocket side),
 * http-api.ts + http-events.ts + http-channels.ts (REST side), logger.ts.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { ChannelRegistry } from "./channels";
import { LIMITS, parseRealtimeServerOptions, type RealtimeServerOptions } from "./config";
import { ERROR_CODES, errorFrame } from "./frames";
import { createHttpHandler } from "./http-api";
import { createLogger } from "./logger";
import type { ProtocolContext, SocketSession } from "./session";
import { acceptConnection, sweepIdleSessions } from "./socket-protocol";

export type { RealtimeServerOptions } from "./config";

export interface RealtimeServer {
  /** The bound port — the real one when `port: 0` was requested. */
  port: number;
  host: string;
  /** Tells every client to reconnect (close code 4200), stops accepting work and resolves once all sockets are gone. */
  close(): Promise<void>;
}

/** Sockets that ignore the 4200 close handshake are cut after this, so shutdown cannot hang. */
const SHUTDOWN_GRACE_MS = 2_000;

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}

/**
 * Browsers always send Origin on a WebSocket handshake and cannot forge it, so
 * checking it stops arbitrary web pages from connecting to a developer's local
 * server. Non-browser clients (Node, the test suite, curl) send no Origin and
 * are allowed: they could set any header anyway, and app keys are public.
 */
function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  return allowed.includes("*") || allowed.some((entry) => entry.replace(/\/+$/, "") === origin);
}

export async function startRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const config = parseRealtimeServerOptions(options);
  const logger = createLogger(config.logLevel);
  const ctx: ProtocolContext = { config, registry: new ChannelRegistry(), logger };
  const sessions = new Map<string, SocketSession>();
  const sockets = new Set<WebSocket>();
  let closing = false;

  const httpServer = createServer(createHttpHandler(ctx));
  // permessage-deflate gives each socket its own zlib contexts (hundreds of KB once used) for little gain on small Pusher frames.
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes, perMessageDeflate: false, clientTracking: false });

  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", (error) => logger.debug("upgrade_socket_error", { message: error.message }));
    if (closing) return rejectUpgrade(socket, 503, "Service Unavailable");
    const origin = req.headers.origin;
    if (!isOriginAllowed(origin, config.allowedOrigins)) {
      logger.warn("origin_refused", { origin });
      return rejectUpgrade(socket, 403, "Forbidden");
    }
    let url: URL;
    let appKey: string;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
      const match = /^\/app\/([^/]+)\/?$/.exec(url.pathname);
      if (!match?.[1]) return rejectUpgrade(socket, 404, "Not Found");
      appKey = decodeURIComponent(match[1]);
    } catch {
      // A throw here would escape the "upgrade" listener and take the process down.
      return rejectUpgrade(socket, 400, "Bad Request");
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.once("close", () => sockets.delete(ws));
      acceptConnection(ws, { appKey, protocol: url.searchParams.get("protocol") }, ctx, sessions);
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  httpServer.on("error", (error) => logger.error("http_server_error", { message: error.message }));

  const sweepEveryMs = Math.max(50, Math.min(config.activityTimeoutSeconds * 1000, config.pongTimeoutMs) / 4);
  const sweeper = setInterval(() => sweepIdleSessions(sessions, ctx), sweepEveryMs);
  sweeper.unref();

  const { port } = httpServer.address() as AddressInfo;
  // debug, not info: the caller announces the address itself (scripts/realtime-server.ts prints one line).
  logger.debug("listening", { host: config.host, port });

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      clearInterval(sweeper);
      const goodbye = errorFrame(ERROR_CODES.genericReconnect, "Server is shutting down, reconnect shortly");
      const gone = [...sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once("close", () => resolve());
            if (ws.readyState === ws.OPEN) ws.send(goodbye, { binary: false });
            ws.close(ERROR_CODES.genericReconnect, "Server is shutting down");
          }),
      );
      const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all(gone), grace]);
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      wss.close();
      logger.info("closed", { host: config.host, port });
    })();
    return closed;
  };

  return { port, host: config.host, close };
}
