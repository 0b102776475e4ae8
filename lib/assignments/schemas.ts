import { z } from "zod";
import { assignmentStatuses, serviceTypes } from "@/db/schema";
import type { FieldErrors } from "@/lib/errors";
import { optionalText, parseInput, type Parsed } from "@/lib/validation";
import { isTimeZone, zonedTimeToInstant } from "./time-zone";

const markup = /[<>]/;

function label(min: number, max: number, name: string) {
  return z
    .string({ error: `Enter ${name.toLowerCase()}` })
    .trim()
    .min(min, min <= 1 ? `Enter ${name.toLowerCase()}` : `${name} must be at least ${min} characters`)
    .max(max, `${name} must be at most ${max} characters`)
    .refine((value) => !markup.test(value), `${name} cannot contain < or >`);
}

// Long free text keeps < and > (math, code); it is always shown as text, never as HTML.
function longText(min: number, max: number, name: string) {
  return z
    .string({ error: `Enter ${name.toLowerCase()}` })
    .trim()
    .min(min, `${name} must be at least ${min} characters`)
    .max(max, `${name} must be at most ${max} characters`);
}

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const whole = (name: string, min: number, max: number) =>
  z.coerce.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`);
const optionalWhole = (name: string, min: number, max: number) => z.preprocess(blankToUndefined, whole(name, min, max).optional());
const timeZone = z.string({ error: "Choose a time zone" }).refine(isTimeZone, "Choose a time zone from the list");
const localDateTime = z.string({ error: "Enter a date and time" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time");

export const academicLevels = ["high_school", "undergraduate", "masters", "doctoral"] as const;
export const citationStyles = ["apa", "mla", "chicago", "harvard", "ieee", "other", "none"] as const;

/** A future instant from a wall-clock time in a zone, reported on `field`. */
function futureInstant<T extends Record<string, unknown>>(field: keyof T & string, local: (v: T) => string, zone: (v: T) => string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const instant = zonedTimeToInstant(local(value), zone(value));
    if (!instant) ctx.addIssue({ code: "custom", path: [field], message: "Enter a real date and time" });
    else if (instant.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: [field], message: "Choose a time in the future" });
    return instant ?? new Date(NaN);
  };
}

const dueFields = { dueAt: localDateTime, timeZone };
const toDue = futureInstant<{ dueAt: string; timeZone: string }>("dueAt", (v) => v.dueAt, (v) => v.timeZone);

export const requestBaseSchema = z
  .object({
    serviceType: z.enum(serviceTypes, { error: "Choose a service: writing, homework or exam" }),
    title: label(3, 150, "Title"),
    subject: label(2, 100, "Subject"),
    instructions: longText(10, 20_000, "Instructions"),
    ...dueFields,
  })
  .transform((value, ctx) => ({ ...value, dueAt: toDue(value, ctx) }));

const writingSchema = z
  .object({
    academicLevel: z.enum(academicLevels, { error: "Choose an academic level" }),
    pages: optionalWhole("Pages", 1, 200),
    wordCount: optionalWhole("Word count", 100, 100_000),
    citationStyle: z.enum(citationStyles, { error: "Choose a citation style" }),
    paperType: label(2, 80, "Paper type"),
  })
  .refine((value) => value.pages !== undefined || value.wordCount !== undefined, { path: ["pages"], message: "Enter the number of pages or a word count" });

const homeworkSchema = z.object({
  problemCount: whole("Number of problems", 1, 500),
  courseLevel: z.enum(academicLevels, { error: "Choose a course level" }),
});

const examSchema = z
  .object({
    examStartsAt: localDateTime,
    examTimeZone: timeZone,
    durationMinutes: whole("Duration", 10, 720),
    platform: label(2, 80, "Platform"),
    topics: longText(2, 2000, "Topics"),
  })
  .transform((value, ctx) => ({ ...value, examStartsAt: futureInstant<typeof value>("examStartsAt", (v) => v.examStartsAt, (v) => v.examTimeZone)(value, ctx) }));

export const detailsSchemas = { writing: writingSchema, homework: homeworkSchema, exam: examSchema };

export type RequestInput = z.output<typeof requestBaseSchema> &
  ({ serviceType: "writing"; details: z.output<typeof writingSchema> } | { serviceType: "homework"; details: z.output<typeof homeworkSchema> } | { serviceType: "exam"; details: z.output<typeof examSchema> });

/** The common fields and the chosen service's fields, with every field's errors at once. */
export function parseRequestInput(input: unknown): Parsed<RequestInput> {
  const base = parseInput(requestBaseSchema, input);
  const service = (input as { serviceType?: unknown } | null)?.serviceType;
  const schema = typeof service === "string" && service in detailsSchemas ? detailsSchemas[service as keyof typeof detailsSchemas] : undefined;
  const details = schema ? parseInput(schema, input) : undefined;
  if (base.ok && details?.ok) return { ok: true, data: { ...base.data, details: details.data } as RequestInput };
  const fieldErrors: FieldErrors = { ...(base.ok ? {} : base.fieldErrors), ...(details && !details.ok ? details.fieldErrors : {}) };
  return { ok: false, fieldErrors };
}

/** Every change names the assignment and the version the form was rendered with. */
const ref = {
  assignmentId: z.uuid({ error: "Unknown assignment" }),
  expectedVersion: z.coerce.number({ error: "Reload the page and try again" }).int().min(1, "Reload the page and try again"),
};
export type AssignmentRef = { assignmentId: string; expectedVersion: number };

export const refSchema = z.object(ref);
export const editRequestSchema = z.object({ ...ref, instructions: longText(10, 20_000, "Instructions") });
export const cancelSchema = z.object({ ...ref, reason: optionalText(1000, "Reason") });

const ids = z.preprocess((value) => (value === undefined || value === "" ? [] : [value].flat().filter((v) => v !== "")), z.array(z.uuid({ error: "Choose teachers from the list" })).max(5, "Add at most 5 helpers"));
export const assignTeachersSchema = z
  .object({ ...ref, primaryTeacherId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose a teacher from the list" }).optional()), helperIds: ids })
  .refine((v) => !v.primaryTeacherId || !v.helperIds.includes(v.primaryTeacherId), { path: ["helperIds"], message: "The primary teacher cannot also be a helper" })
  .refine((v) => new Set(v.helperIds).size === v.helperIds.length, { path: ["helperIds"], message: "Each helper can be chosen once" });
export const removeHelperSchema = z.object({ ...ref, teacherId: z.uuid({ error: "Choose a helper" }) });

export const respondSchema = z
  .object({ ...ref, decision: z.enum(["accept", "decline"], { error: "Accept or decline the offer" }), reason: optionalText(1000, "Reason") })
  .refine((v) => v.decision === "accept" || (v.reason?.length ?? 0) >= 3, { path: ["reason"], message: "Tell us why you are declining" });

// The solution text is kept exactly as typed (indentation, code, math); only its size is bounded.
const solution = z.preprocess(blankToUndefined, z.string().max(200_000, "The solution must be at most 200,000 characters").refine((v) => v.trim() !== "", "The solution is blank").optional());
export const deliverySchema = z.object({
  ...ref,
  notes: optionalText(5000, "Notes"),
  textSolution: solution,
  examScore: optionalText(40, "Score"),
  examOutcome: optionalText(200, "Outcome"),
});
export const revisionSchema = z.object({ ...ref, comments: longText(5, 5000, "Comments") });
export const extendDueDateSchema = z
  .object({ ...ref, ...dueFields, reason: optionalText(1000, "Reason") })
  .transform((value, ctx) => ({ ...value, dueAt: toDue(value, ctx) }));
export const idSchema = z.uuid();

const page = (max: number) => z.coerce.number().int().min(1).max(max).optional().catch(undefined).transform((p) => p ?? 1);
export const ASSIGNMENTS_PAGE_SIZE = 25;
/** The columns the assignment list sorts by on the server (the URL's `sort`, direction in `dir`); none means newest first. */
export const assignmentSortColumns = ["created", "due", "status", "title"] as const;
export type AssignmentSortColumn = (typeof assignmentSortColumns)[number];
export const sortDirections = ["asc", "desc"] as const;
export const assignmentListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(assignmentStatuses).optional().catch(undefined),
  service: z.enum(serviceTypes).optional().catch(undefined),
  // "1": only requests not yet completed or cancelled (the student dashboard's "Open requests").
  open: z.enum(["1"]).optional().catch(undefined),
  // A hostile or stale value falls back to the default order, never an error page.
  sort: z.enum(assignmentSortColumns).optional().catch(undefined),
  dir: z.enum(sortDirections).optional().catch(undefined),
  // Bounded offset, as in the user list: nobody pages past this by hand.
  page: page(400),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuerySchema>;
export const teacherTabs = ["offers", "active", "delivered", "completed"] as const;
/** Narrow the Active tab to what a teacher's dashboard counts: due within 48 hours (or overdue), or in revision. */
export const teacherFilters = ["due-48h", "revision"] as const;
export type TeacherFilter = (typeof teacherFilters)[number];
export const teacherListQuerySchema = z.object({ tab: z.enum(teacherTabs).catch("offers"), filter: z.enum(teacherFilters).optional().catch(undefined), page: page(400) });
/** The staff queue; `olderThan=24h`: only requests waiting for a teacher for more than 24 hours. */
export const queueQuerySchema = z.object({ olderThan: z.enum(["24h"]).optional().catch(undefined), page: page(400) });
export type QueueQuery = z.infer<typeof queueQuerySchema>;
export type TeacherListQuery = z.infer<typeof teacherListQuerySchema>;
