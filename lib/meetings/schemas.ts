import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";
import { optionalText } from "@/lib/validation";

const markup = /[<>]/;

export const meetingIdSchema = z.uuid({ error: "Meeting not found" });

export const MEETING_DURATIONS = { min: 15, max: 180 } as const;

/** A wall-clock start as a datetime-local field sends it ("2026-12-01T14:30"), read in `timeZone`. */
const startFields = {
  startLocal: z.string({ error: "Pick a date and time" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a date and time"),
  timeZone: z.string({ error: "Pick a time zone" }).refine(isTimeZone, "Pick a time zone from the list"),
  durationMinutes: z.coerce
    .number({ error: "Pick a duration" })
    .int("Pick a duration in whole minutes")
    .min(MEETING_DURATIONS.min, `A meeting lasts at least ${MEETING_DURATIONS.min} minutes`)
    .max(MEETING_DURATIONS.max, `A meeting lasts at most ${MEETING_DURATIONS.max} minutes`),
};

/** Staff tick it to book inside the minimum notice or change inside a student's window; it is audited. */
const override = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).default(false);

const reason = (label: string) =>
  z
    .string({ error: `Give a ${label}` })
    .trim()
    .min(1, `Give a ${label}`)
    .max(500, `The ${label} must be at most 500 characters`)
    .refine((value) => !markup.test(value), `The ${label} cannot contain < or >`);

export const createMeetingSchema = z.object({
  inviteeId: z.uuid({ error: "Pick who to meet" }),
  assignmentId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: "Assignment not found" }).optional()),
  title: z
    .string({ error: "Give the meeting a title" })
    .trim()
    .min(1, "Give the meeting a title")
    .max(120, "The title must be at most 120 characters")
    .refine((value) => !markup.test(value), "The title cannot contain < or >"),
  agenda: optionalText(2000, "The agenda"),
  ...startFields,
  override,
});
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;

export const respondToMeetingSchema = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("accept") }),
  z.object({ answer: z.literal("decline"), reason: reason("reason") }),
]);

/** The invitee suggests another time; the organizer accepts or declines it. */
export const proposeTimeSchema = z.object({ ...startFields, note: optionalText(500, "The note") });
export const answerProposalSchema = z.object({ answer: z.enum(["accept", "decline"], { error: "Accept or decline the proposal" }) });

export const rescheduleMeetingSchema = z.object({ ...startFields, version: z.coerce.number().int().min(1), override });
export const cancelMeetingSchema = z.object({ reason: reason("reason"), override });

export const meetingListSchema = z.object({
  when: z.enum(["upcoming", "past"]).catch("upcoming"),
  q: z.string().trim().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type MeetingListQuery = z.output<typeof meetingListSchema>;

/** The picker asks for a person's busy times and free slots on a day, in the organizer's zone. */
export const availabilityQuerySchema = z.object({
  inviteeId: z.uuid({ error: "Pick who to meet" }),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a day"),
  timeZone: z.string().refine(isTimeZone, "Pick a time zone from the list"),
  durationMinutes: startFields.durationMinutes,
});

/** The room reports a participant's join and leave (leave also from pagehide, via sendBeacon). */
export const roomEventSchema = z.object({ event: z.enum(["join", "leave"], { error: "Send event: join or leave" }) });
