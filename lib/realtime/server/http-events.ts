import { z } from "zod";
import { channelKind } from "./channels";
import { isValidChannelName, LIMITS } from "./config";
import { encodeFrame } from "./frames";
import type { ProtocolContext } from "./session";

export type HttpResult = { status: number; json: unknown } | { status: number; text: string };

const socketIdSchema = z.string().regex(/^\d+\.\d+$/, "socket_id must look like 123.456");

/** `data` must already be a string: the SDK JSON-encodes it and Pusher rejects anything else. */
const eventFields = {
  name: z.string().min(1).max(200),
  data: z.string(),
  socket_id: socketIdSchema.optional(),
  info: z.string().optional(),
};

const triggerBodySchema = z.object({
  ...eventFields,
  channels: z.array(z.string()).optional(),
  channel: z.string().optional(),
});

const batchBodySchema = z.object({
  batch: z.array(z.object({ ...eventFields, channel: z.string() })),
});

interface ValidEvent {
  name: string;
  data: string;
  channels: string[];
  socketId: string | undefined;
  info: string | undefined;
}

function validateEvent(event: ValidEvent): HttpResult | null {
  if (event.channels.length === 0) return { status: 400, text: "Missing channels" };
  if (event.channels.length > LIMITS.maxChannelsPerEvent) {
    return { status: 400, text: `Too many channels: at most ${LIMITS.maxChannelsPerEvent} per event` };
  }
  const invalid = event.channels.find((name) => !isValidChannelName(name));
  if (invalid !== undefined) return { status: 400, text: `Invalid channel name: ${invalid.slice(0, 210)}` };
  if (Buffer.byteLength(event.data, "utf8") > LIMITS.maxEventDataBytes) {
    return { status: 413, text: `Event data too large: at most ${LIMITS.maxEventDataBytes} bytes` };
  }
  return null;
}

function channelAttributes(ctx: ProtocolContext, channel: string, info: string | undefined): Record<string, number> {
  const wanted = new Set((info ?? "").split(",").filter(Boolean));
  const attributes: Record<string, number> = {};
  if (wanted.has("subscription_count")) attributes.subscription_count = ctx.registry.subscriptionCount(channel);
  if (wanted.has("user_count") && channelKind(channel) === "presence") attributes.user_count = ctx.registry.userCount(channel);
  return attributes;
}

function deliver(ctx: ProtocolContext, event: ValidEvent): void {
  for (const channel of event.channels) {
    const delivered = ctx.registry.broadcast(channel, encodeFrame(event.name, event.data, channel), event.socketId);
    ctx.logger.debug("event_delivered", { channel, name: event.name, delivered });
  }
}

function parseFailure(error: z.ZodError): HttpResult {
  const issue = error.issues[0];
  return { status: 400, text: `Invalid body: ${issue ? `${issue.path.join(".") || "(root)"} ${issue.message}` : "unknown"}` };
}

export function triggerEvent(ctx: ProtocolContext, body: unknown): HttpResult {
  const parsed = triggerBodySchema.safeParse(body);
  if (!parsed.success) return parseFailure(parsed.error);
  const { name, data, socket_id: socketId, info } = parsed.data;
  const channels = parsed.data.channels ?? (parsed.data.channel === undefined ? [] : [parsed.data.channel]);
  const event: ValidEvent = { name, data, channels, socketId, info };
  const failure = validateEvent(event);
  if (failure) return failure;

  deliver(ctx, event);
  if (info === undefined) return { status: 200, json: {} };
  const result: Record<string, Record<string, number>> = {};
  for (const channel of channels) result[channel] = channelAttributes(ctx, channel, info);
  return { status: 200, json: { channels: result } };
}

/** All events are validated before any is delivered, so a rejected batch has no partial effect. */
export function triggerBatch(ctx: ProtocolContext, body: unknown): HttpResult {
  const parsed = batchBodySchema.safeParse(body);
  if (!parsed.success) return parseFailure(parsed.error);
  const { batch } = parsed.data;
  if (batch.length > LIMITS.maxBatchSize) {
    return { status: 400, text: `Batch too large: at most ${LIMITS.maxBatchSize} events` };
  }
  const events: ValidEvent[] = batch.map((item) => ({
    name: item.name,
    data: item.data,
    channels: [item.channel],
    socketId: item.socket_id,
    info: item.info,
  }));
  for (const event of events) {
    const failure = validateEvent(event);
    if (failure) return failure;
  }
  for (const event of events) deliver(ctx, event);
  if (events.every((event) => event.info === undefined)) return { status: 200, json: {} };
  return {
    status: 200,
    json: { batch: events.map((event) => channelAttributes(ctx, event.channels[0] ?? "", event.info)) },
  };
}
