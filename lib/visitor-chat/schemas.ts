import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";
import { emailSchema } from "@/lib/validation";
import { VISITOR_LIMITS } from "./types";

// Lengths are counted in characters as a person sees them (code points), not UTF-16 units.
const chars = (value: string) => Array.from(value).length;

const bodySchema = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .refine((body) => chars(body) <= VISITOR_LIMITS.bodyMaxChars, `A message can be at most ${VISITOR_LIMITS.bodyMaxChars.toLocaleString("en-US")} characters`);

const clientMessageId = z.uuid({ error: "clientMessageId must be a UUID chosen by the widget" });

/** What the browser reports about where the visitor is: kept when it is an http(s) URL, silently dropped otherwise. */
const optionalPageUrl = z
  .unknown()
  .optional()
  .transform((value) => {
    if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href.slice(0, 2000) : null;
    } catch {
      return null;
    }
  });

const optionalTimeZone = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" && isTimeZone(value) ? value : null));

/** A host site's signed user id; anything malformed is dropped, and the visitor is simply not verified. */
const identitySchema = z
  .object({
    userId: z.string().min(1).max(128),
    timestamp: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    userHash: z.string().regex(/^[0-9a-fA-F]{64}$/),
  })
  .optional()
  .catch(undefined);

/** The pre-chat form. Whether email is required depends on the settings and on being offline: see startSessionInput. */
export const startSessionSchema = z.object({
  name: z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, "Enter your name")
    .refine((name) => chars(name) <= VISITOR_LIMITS.nameMaxChars, `Your name can be at most ${VISITOR_LIMITS.nameMaxChars} characters`),
  // An empty field is no email.
  email: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), emailSchema.optional()),
  question: bodySchema("Write your question"),
  // A field people never see; a bot that fills every input fills it too.
  website: z.unknown().optional(),
  pageUrl: optionalPageUrl,
  referrer: optionalPageUrl,
  timeZone: optionalTimeZone,
  clientMessageId,
  identity: identitySchema,
});

export type StartSessionInput = z.output<typeof startSessionSchema>;

export const EMAIL_REQUIRED_MESSAGE = "Enter your email so we can write back";
export const OFFLINE_EMAIL_MESSAGE = "No one is here right now. Enter your email so we can write back";

/** The pre-chat form as this moment requires it: with an email when the admin asks for one or no one is online. */
export function startSessionInput(require: { email: boolean; offline: boolean }) {
  return startSessionSchema.superRefine((input, ctx) => {
    if (!input.email && (require.email || require.offline)) {
      ctx.addIssue({ code: "custom", path: ["email"], message: require.offline ? OFFLINE_EMAIL_MESSAGE : EMAIL_REQUIRED_MESSAGE });
    }
  });
}

/** True when the honeypot field carries anything. */
export function isHoneypotFilled(input: unknown): boolean {
  if (typeof input !== "object" || input === null) return false;
  const website = (input as Record<string, unknown>).website;
  return website !== undefined && website !== null && website !== "";
}

export const visitorSendSchema = z.object({
  clientMessageId,
  body: bodySchema("Write a message"),
});

export const visitorReadSchema = z.object({
  seq: z.number({ error: "seq must be a number" }).int("seq must be a whole number").min(0, "seq cannot be negative").max(2_147_483_647, "seq is too large"),
});

/** `?after=seq` when the widget catches up after a reconnect. */
export const visitorAfterSchema = z.object({
  after: z.coerce.number({ error: "after must be a whole number" }).int("after must be a whole number").min(0, "after cannot be negative").max(2_147_483_647, "after is too large"),
});

// --- Admin settings -------------------------------------------------------------------------

const clockTime = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const dayHoursSchema = z
  .object({
    day: z.coerce.number({ error: "Choose a day" }).int("Choose a day").min(0, "Choose a day").max(6, "Choose a day"),
    open: z.string({ error: "Enter an opening time" }).regex(clockTime, "Opening time must be HH:MM (00:00–23:59)"),
    // 24:00 closes at midnight, so a day can be open to its end.
    close: z.string({ error: "Enter a closing time" }).refine((value) => clockTime.test(value) || value === "24:00", "Closing time must be HH:MM (00:00–24:00)"),
  })
  .refine((hours) => hours.open < hours.close, { path: ["close"], message: "Closing time must be after opening time" });

const checkbox = z.union([z.boolean(), z.enum(["true", "on", "1"]).transform(() => true), z.enum(["false", "off", "0", ""]).transform(() => false)], {
  error: "requireEmail must be true or false",
});

export const visitorChatSettingsSchema = z.object({
  timeZone: z.string({ error: "Choose a time zone" }).trim().refine(isTimeZone, "Choose a time zone from the list (an IANA name such as Europe/London)"),
  weeklyHours: z
    .array(dayHoursSchema, { error: "Weekly hours must be a list of days" })
    .max(7, "At most one opening per day")
    .refine((days) => new Set(days.map((d) => d.day)).size === days.length, "Each day can be listed once")
    .transform((days) => [...days].sort((a, b) => a.day - b.day)),
  awayMessage: z
    .string({ error: "Write an away message" })
    .trim()
    .min(1, "Write an away message")
    .refine((text) => chars(text) <= 500, "The away message can be at most 500 characters"),
  requireEmail: checkbox,
  cannedReplies: z
    .array(z.string({ error: "Each canned reply must be text" }).trim().refine((text) => chars(text) <= 300, "A canned reply can be at most 300 characters"), { error: "Canned replies must be a list" })
    .transform((replies) => replies.filter((reply) => reply.length > 0))
    .pipe(z.array(z.string()).max(20, "At most 20 canned replies"))
    .default([]),
});

export type VisitorChatSettingsInput = z.output<typeof visitorChatSettingsSchema>;
