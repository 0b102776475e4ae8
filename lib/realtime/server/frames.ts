import { z } from "zod";

/**
 * Inbound frames. Pusher sends `data` as an object for `pusher:*` events, but
 * older clients stringify it, so string data is parsed before validation.
 */
export const inboundFrameSchema = z.object({
  event: z.string().min(1),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});
export type InboundFrame = z.infer<typeof inboundFrameSchema>;

export const subscribeDataSchema = z.object({
  channel: z.string().min(1),
  auth: z.string().optional(),
  channel_data: z.string().optional(),
});

export const unsubscribeDataSchema = z.object({ channel: z.string().min(1) });

/** What a presence authorizer signs; `user_id` may be a number in the wild, Pusher treats it as a string. */
export const presenceChannelDataSchema = z.object({
  user_id: z.union([z.string().min(1), z.number().finite()]),
  user_info: z.unknown().optional(),
});

export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Outbound frames. Channel events carry `data` as a JSON string (what the
 * Pusher service sends and pusher-js decodes); `pusher:*` connection events
 * carry an object as in Pusher's protocol documentation.
 */
export function encodeFrame(event: string, data: unknown, channel?: string, userId?: string): Buffer {
  const frame: Record<string, unknown> = { event };
  if (channel !== undefined) frame.channel = channel;
  frame.data = data;
  if (userId !== undefined) frame.user_id = userId;
  return Buffer.from(JSON.stringify(frame), "utf8");
}

/**
 * Pusher's codes: 4000–4099 tell the client not to reconnect, 4100–4199 to
 * back off, 4200–4299 to reconnect at once, 4300–4399 are per-message errors.
 * Errors about a single frame that leave the connection usable use code
 * `null`, as the Pusher service does for e.g. malformed messages.
 */
export const ERROR_CODES = {
  appNotFound: 4001,
  unsupportedProtocol: 4007,
  unauthorized: 4009,
  genericReconnect: 4200,
  pongNotReceived: 4201,
  clientEventRateLimit: 4301,
} as const;

export function errorFrame(code: number | null, message: string): Buffer {
  return encodeFrame("pusher:error", { code, message });
}

export type SubscriptionErrorType = "AuthError" | "InvalidChannel" | "LimitReached";

/**
 * pusher-js re-emits any channel-scoped frame on the channel object, so this
 * reaches `channel.bind("pusher:subscription_error", …)` with the same shape
 * pusher-js uses for failures of its own authorizer.
 */
export function subscriptionErrorFrame(channel: string, type: SubscriptionErrorType, error: string, status: number): Buffer {
  return encodeFrame("pusher:subscription_error", { type, error, status }, channel);
}
