import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";

const markup = /[<>]/;
const localTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const announcementIdSchema = z.uuid({ error: "Announcement not found" });

export const ANNOUNCEMENT_LIMITS = { title: 120, body: 5000, recipients: 500 } as const;

export const audienceKinds = ["everyone", "students", "teachers", "staff", "users"] as const;
export const severities = ["info", "warning"] as const;

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false);
const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const title = z
  .string({ error: "Give the announcement a title" })
  .trim()
  .min(1, "Give the announcement a title")
  .max(ANNOUNCEMENT_LIMITS.title, `The title must be at most ${ANNOUNCEMENT_LIMITS.title} characters`)
  .refine((value) => !markup.test(value), "The title cannot contain < or >");

// Markdown may contain < and >; it is rendered through the sanitizer, so nothing typed runs.
const body = z
  .string({ error: "Write the announcement" })
  .trim()
  .min(1, "Write the announcement")
  .max(ANNOUNCEMENT_LIMITS.body, `The announcement must be at most ${ANNOUNCEMENT_LIMITS.body} characters`);

const timeZone = z.string({ error: "Pick a time zone" }).refine(isTimeZone, "Pick a time zone from the list");
const optionalLocalTime = (message: string) => z.preprocess(blankAsUndefined, z.string().regex(localTime, message).optional());

/** Emails or public IDs, one per line or separated by commas; resolved to people by the service. */
const recipients = z.preprocess(
  (value) => (Array.isArray(value) ? value.join("\n") : value ?? ""),
  z
    .string()
    .transform((text) => [...new Set(text.split(/[\s,;]+/).map((item) => item.trim().toLowerCase()).filter(Boolean))])
    .refine((items) => items.length <= ANNOUNCEMENT_LIMITS.recipients, `Choose at most ${ANNOUNCEMENT_LIMITS.recipients} people`),
);

const shared = {
  title,
  body,
  severity: z.enum(severities, { error: "Choose info or warning" }).default("info"),
  pinned: checkbox,
  timeZone,
  expiresAtLocal: optionalLocalTime("Pick an expiry date and time, or leave it empty"),
};

export const createAnnouncementSchema = z
  .object({
    ...shared,
    audience: z.enum(audienceKinds, { error: "Choose who it is for" }),
    recipients,
    publish: z.enum(["now", "later"], { error: "Publish now or pick a time" }).default("now"),
    publishAtLocal: optionalLocalTime("Pick a date and time to publish"),
  })
  .superRefine((form, ctx) => {
    if (form.audience === "users" && form.recipients.length === 0) ctx.addIssue({ code: "custom", path: ["recipients"], message: "Name at least one person by email or public ID" });
    if (form.publish === "later" && !form.publishAtLocal) ctx.addIssue({ code: "custom", path: ["publishAtLocal"], message: "Pick a date and time to publish" });
  });
export type CreateAnnouncementInput = z.input<typeof createAnnouncementSchema>;

/** After publishing, the audience stays as it was: its bells have rung. A scheduled one may move. */
export const editAnnouncementSchema = z.object({
  ...shared,
  publishAtLocal: optionalLocalTime("Pick a date and time to publish"),
  version: z.coerce.number({ error: "Reload the page and try again" }).int().min(1),
});
export type EditAnnouncementInput = z.input<typeof editAnnouncementSchema>;

export const unpublishAnnouncementSchema = z.object({ version: z.coerce.number({ error: "Reload the page and try again" }).int().min(1) });

export const announcementListSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AnnouncementListQuery = z.output<typeof announcementListSchema>;

export const adminAnnouncementStates = ["all", "live", "scheduled", "ended"] as const;
export const adminAnnouncementListSchema = announcementListSchema.extend({
  state: z.enum(adminAnnouncementStates).catch("all").default("all"),
});
export type AdminAnnouncementListQuery = z.output<typeof adminAnnouncementListSchema>;
