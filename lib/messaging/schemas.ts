import { z } from "zod";
import { MESSAGE_MAX_ATTACHMENTS, MESSAGE_MAX_CHARS } from "./types";

const threadId = z.uuid({ error: "Thread not found" });
const messageId = z.uuid({ error: "Message not found" });

/** Trimmed; its length counted in characters as a person sees them (code points), not UTF-16 units. */
export const messageBodySchema = z
  .string({ error: "Write a message" })
  .trim()
  .refine((body) => Array.from(body).length <= MESSAGE_MAX_CHARS, `A message can be at most ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters`);

export const sendMessageSchema = z
  .object({
    threadId,
    clientMessageId: z.uuid({ error: "clientMessageId must be a UUID chosen by the sender" }),
    body: messageBodySchema.default(""),
    attachmentIds: z
      .array(z.uuid({ error: "Attachment not found" }), { error: "attachmentIds must be a list" })
      .max(MESSAGE_MAX_ATTACHMENTS, `Attach at most ${MESSAGE_MAX_ATTACHMENTS} files to a message`)
      .default([]),
  })
  .refine((input) => input.body.length > 0 || input.attachmentIds.length > 0, { path: ["body"], message: "Write a message or attach a file" });

export const editMessageSchema = z.object({
  threadId,
  messageId,
  body: messageBodySchema.refine((body) => body.length > 0, "Write a message (or delete it)"),
});

export const messageRefSchema = z.object({ threadId, messageId });

export const markReadSchema = z.object({
  threadId,
  seq: z.number({ error: "seq must be a number" }).int("seq must be a whole number").min(0).max(2_147_483_647),
});

export const messagePageSchema = z.object({
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const startThreadSchema = z.object({
  recipientIds: z
    .array(z.uuid({ error: "Choose people from the list" }), { error: "Choose who to write to" })
    .min(1, "Choose who to write to")
    .max(10, "A thread can start with at most 10 people")
    .transform((ids) => [...new Set(ids)]),
  subject: z.string({ error: "Write a subject" }).trim().min(1, "Write a subject").max(200, "A subject can be at most 200 characters"),
  body: messageBodySchema.refine((body) => body.length > 0, "Write the first message"),
  clientMessageId: z.uuid({ error: "clientMessageId must be a UUID chosen by the sender" }),
});

/** The inbox's URL: a search (trimmed, at most 200 characters), a known filter (else all), a cursor. */
export const inboxQuerySchema = z.object({
  q: z
    .string()
    .transform((q) => q.trim().slice(0, 200))
    .catch(""),
  filter: z.enum(["all", "unread", "assignment", "support", "direct"]).catch("all"),
  cursor: z.string().max(200).nullable().catch(null),
});
