import { z } from "zod";

/**
 * Pusher Channels' published limits. The local server enforces the same numbers
 * so that code which works in development cannot start failing against the
 * hosted service (or Soketi configured with Pusher's defaults).
 */
export const LIMITS = {
  maxChannelsPerEvent: 100,
  maxEventDataBytes: 10 * 1024,
  maxBatchSize: 10,
  maxChannelNameLength: 200,
  maxPresenceMembers: 100,
  maxPresenceUserInfoBytes: 1024,
  maxClientEventBytes: 10 * 1024,
  /** HTTP bodies are capped well above the per-event limit: a full batch of 10 × 10 KB plus JSON overhead. */
  maxHttpBodyBytes: 256 * 1024,
  /**
   * Frames above this are refused by `ws` with close code 1009 before they are
   * buffered, so a single client cannot make the server allocate unbounded memory.
   */
  maxFrameBytes: 64 * 1024,
  /** Pusher rejects signed requests whose timestamp is further than this from the server clock. */
  maxTimestampSkewSeconds: 600,
} as const;

export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]+$/;

export function isValidChannelName(name: string): boolean {
  return name.length <= LIMITS.maxChannelNameLength && CHANNEL_NAME_PATTERN.test(name);
}

export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const realtimeServerOptionsSchema = z.object({
  appId: z.string().min(1),
  key: z.string().min(1),
  secret: z.string().min(1),
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 asks the OS for an ephemeral port; the chosen one is returned by `startRealtimeServer`. */
  port: z.number().int().min(0).max(65535).default(6001),
  /**
   * Browser origins allowed to open a WebSocket. A handshake with no Origin
   * header (Node clients, curl) is always allowed; "*" allows every origin.
   */
  allowedOrigins: z.array(z.string().min(1)).default([]),
  logLevel: z.enum(LOG_LEVELS).default("info"),
  /** Sent to clients in `connection_established`; also how long a socket may stay silent before we ping it. */
  activityTimeoutSeconds: z.number().int().positive().default(120),
  /** How long a pinged socket has to answer before it is closed with 4201. */
  pongTimeoutMs: z.number().int().positive().default(30_000),
  /** Pusher's documented default rate for client events. */
  clientEventsPerSecond: z.number().int().positive().default(10),
});

export type RealtimeServerOptions = z.input<typeof realtimeServerOptionsSchema>;
export type RealtimeServerConfig = z.output<typeof realtimeServerOptionsSchema>;

export function parseRealtimeServerOptions(options: RealtimeServerOptions): RealtimeServerConfig {
  return realtimeServerOptionsSchema.parse(options);
}
