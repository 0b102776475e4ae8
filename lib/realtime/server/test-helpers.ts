// Shared by the conformance suite (*.test.ts); not imported by the server itself.
import PusherServer from "pusher";
import Pusher, { type Channel, type ChannelAuthorizationHandler } from "pusher-js";
import { WebSocket, type RawData } from "ws";
import type { RealtimeServerOptions } from "./config";
import { startRealtimeServer, type RealtimeServer } from "./server";
import { signChannelAuth, signQuery } from "./signature";

export const APP = { appId: "test-app", key: "test-key", secret: "test-secret" } as const;

export interface TestServer extends RealtimeServer {
  wsUrl(path?: string): string;
  httpUrl(path: string): string;
  sdk(): PusherServer;
}

export async function startTestServer(overrides: Partial<RealtimeServerOptions> = {}): Promise<TestServer> {
  const server = await startRealtimeServer({ ...APP, host: "127.0.0.1", port: 0, logLevel: "silent", ...overrides });
  const base = `${server.host}:${server.port}`;
  return {
    ...server,
    wsUrl: (path = `/app/${APP.key}?protocol=7&client=js&version=8.6.0&flash=false`) => `ws://${base}${path}`,
    httpUrl: (path) => `http://${base}${path}`,
    sdk: () => new PusherServer({ ...APP, host: server.host, port: String(server.port), useTLS: false }),
  };
}

export interface ClientIdentity {
  userId?: string | number;
  userInfo?: unknown;
  /** Replaces the locally computed signature, to simulate a forged or foreign authorizer. */
  forgeAuth?: (params: { socketId: string; channelName: string }) => string;
  /** Connect with another app key than the server's. */
  key?: string;
}

/** A real pusher-js client whose authorizer signs locally with the app secret, as an app's auth endpoint would. */
export function createClient(server: TestServer, identity: ClientIdentity = {}): Pusher {
  const customHandler: ChannelAuthorizationHandler = ({ socketId, channelName }, callback) => {
    const channelData = channelName.startsWith("presence-")
      ? JSON.stringify({ user_id: identity.userId ?? "anonymous", user_info: identity.userInfo })
      : undefined;
    const auth = identity.forgeAuth
      ? identity.forgeAuth({ socketId, channelName })
      : signChannelAuth(APP.key, APP.secret, socketId, channelName, channelData);
    callback(null, channelData === undefined ? { auth } : { auth, channel_data: channelData });
  };
  return new Pusher(identity.key ?? APP.key, {
    cluster: "local",
    wsHost: server.host,
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: { customHandler },
  });
}

export function connected(client: Pusher): Promise<string> {
  return new Promise((resolve) => {
    if (client.connection.state === "connected") return resolve(client.connection.socket_id);
    client.connection.bind("connected", () => resolve(client.connection.socket_id));
  });
}

export function nextEvent<T = unknown>(channel: Channel, event: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event} on ${channel.name}`)), timeoutMs);
    const handler = (data: T): void => {
      clearTimeout(timer);
      channel.unbind(event, handler);
      resolve(data);
    };
    channel.bind(event, handler);
  });
}

export async function subscribed(client: Pusher, name: string): Promise<Channel> {
  const channel = client.subscribe(name);
  await nextEvent(channel, "pusher:subscription_succeeded");
  return channel;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Frame {
  event: string;
  channel?: string;
  data?: unknown;
  user_id?: string;
}

/** A bare `ws` client for frames pusher-js would never send and for asserting exact wire output. */
export class RawClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data: RawData) => {
      const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString("utf8") : String(data)) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((waiter) => (waiter.match(frame) ? (waiter.resolve(frame), false) : true));
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
    const ws = new WebSocket(url, { headers });
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return client;
  }

  /** Resolves with the first matching frame, including ones already received. */
  next(event: string, predicate: (frame: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const match = (frame: Frame): boolean => frame.event === event && predicate(frame);
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
      this.waiters.push({ match, resolve: (frame) => (clearTimeout(timer), resolve(frame)) });
    });
  }

  async socketId(): Promise<string> {
    const frame = await this.next("pusher:connection_established");
    return (JSON.parse(String(frame.data)) as { socket_id: string }).socket_id;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  async subscribe(channel: string, channelData?: string): Promise<Frame> {
    const socketId = await this.socketId();
    const auth = channel.startsWith("private-") || channel.startsWith("presence-")
      ? signChannelAuth(APP.key, APP.secret, socketId, channel, channelData)
      : "";
    this.send({ event: "pusher:subscribe", data: { channel, auth, channel_data: channelData } });
    return Promise.race([
      this.next("pusher_internal:subscription_succeeded", (frame) => frame.channel === channel),
      this.next("pusher:subscription_error", (frame) => frame.channel === channel),
    ]);
  }

  /** Frames received after `mark` — for asserting that something did NOT arrive. */
  framesSince(mark: number): Frame[] {
    return this.frames.slice(mark);
  }

  close(): void {
    this.ws.close();
  }
}

export interface SignedFetchOptions {
  body?: string;
  query?: Record<string, string>;
  timestampSeconds?: number;
  /** Applied to the signed query string before sending, to forge requests. */
  tamper?: (query: URLSearchParams) => void;
  /** Sent instead of `body` after signing, to break body_md5. */
  sentBody?: string;
}

/** Signs like the `pusher` SDK but lets a test send what the SDK would refuse to. */
export async function signedFetch(
  server: TestServer,
  method: "GET" | "POST",
  path: string,
  options: SignedFetchOptions = {},
): Promise<{ status: number; text: string }> {
  const query = new URLSearchParams(
    signQuery(APP, method, path, options.query ?? {}, options.body, options.timestampSeconds),
  );
  options.tamper?.(query);
  const init: RequestInit = { method };
  const body = options.sentBody ?? options.body;
  if (body !== undefined) {
    init.body = body;
    init.headers = { "content-type": "application/json" };
  }
  const response = await fetch(server.httpUrl(`${path}?${query.toString()}`), init);
  return { status: response.status, text: await response.text() };
}
