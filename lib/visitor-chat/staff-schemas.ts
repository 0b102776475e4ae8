import { z } from "zod";
import { emailSchema, personNameSchema } from "@/lib/validation";
import { VISITOR_LIMITS } from "./types";

/** A malformed id is not found, like an unknown one: the routes answer 404 for both. */
export const sessionIdSchema = z.uuid({ error: "Conversation not found" });

// waiting: open and not yet taken by anyone (the count on the CS rep dashboard), a part of live.
export const QUEUE_VIEWS = ["live", "waiting", "offline", "closed"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** The console's URL and the list route's query: unknown values fall back rather than fail. */
export const queueQuerySchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch("live"),
  q: z
    .string()
    .transform((q) => q.replace(/[\u0000\uFFFD]/g, "").trim().slice(0, 200))
    .catch(""),
  cursor: z.string().max(200).nullable().catch(null),
});

export const sessionRefSchema = z.object({ sessionId: sessionIdSchema });

export const transferSchema = z.object({
  sessionId: sessionIdSchema,
  toUserId: z.uuid({ error: "Choose a CS rep from the list" }),
});

export const closeSchema = z.object({
  sessionId: sessionIdSchema,
  reason: z
    .string({ error: "Say why the conversation is closed" })
    .trim()
    .min(1, "Say why the conversation is closed")
    .max(VISITOR_LIMITS.closeReasonMaxChars, `A reason can be at most ${VISITOR_LIMITS.closeReasonMaxChars} characters`),
});

export const staffSendSchema = z.object({
  sessionId: sessionIdSchema,
  clientMessageId: z.uuid({ error: "clientMessageId must be a UUID chosen by the sender" }),
  body: z
    .string({ error: "Write a message" })
    .trim()
    .min(1, "Write a message")
    // Counted as a person sees characters (code points), like thread messages.
    .refine((body) => Array.from(body).length <= VISITOR_LIMITS.bodyMaxChars, `A message can be at most ${VISITOR_LIMITS.bodyMaxChars.toLocaleString("en-US")} characters`),
});

export const staffReadSchema = z.object({
  sessionId: sessionIdSchema,
  seq: z.number({ error: "seq must be a number" }).int("seq must be a whole number").min(0).max(2_147_483_647),
});

export const messagesAfterSchema = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

export const convertSchema = z.object({
  sessionId: sessionIdSchema,
  fullName: personNameSchema,
  email: emailSchema,
});
