import { sql } from "drizzle-orm";
import { bigserial, boolean, check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { assignments } from "./assignments";
import { users } from "./auth";

// A meeting that is scheduled happens unless it is cancelled or (1-on-1) declined; after its end the
// completion sweep marks it completed.
export const meetingStatus = pgEnum("meeting_status", ["scheduled", "completed", "cancelled", "declined"]);
export const meetingResponse = pgEnum("meeting_response", ["invited", "accepted", "declined"]);
export const meetingParticipantRole = pgEnum("meeting_participant_role", ["organizer", "invitee"]);
export const meetingReminderKind = pgEnum("meeting_reminder_kind", ["day_before", "quarter_hour"]);

/** PostgreSQL's tstzrange, written and read as its text form: `[2026-12-01 10:00:00+00,2026-12-01 11:00:00+00)`. */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => "tstzrange" });

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizerId: uuid("organizer_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    assignmentId: uuid("assignment_id").references(() => assignments.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    agenda: text("agenda").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // The zone the organizer picked the time in, so the invitation can show it beside the reader's.
    timeZone: text("time_zone").notNull(),
    status: meetingStatus("status").notNull().default("scheduled"),
    // The .ics SEQUENCE: raised by every change a calendar must replace (reschedule, cancel).
    sequence: integer("sequence").notNull().default(0),
    // Bumped by every change; forms send the version they were rendered with (optimistic locking).
    version: integer("version").notNull().default(1),
    // The invitee's counter-proposal, waiting for the organizer; it holds no time until accepted.
    proposedStartsAt: timestamp("proposed_starts_at", { withTimezone: true }),
    proposedEndsAt: timestamp("proposed_ends_at", { withTimezone: true }),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposalNote: text("proposal_note"),
    cancelReason: text("cancel_reason"),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("meetings_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    // The completion sweep: scheduled meetings whose end has passed.
    index("meetings_status_ends_idx").on(t.status, t.endsAt),
    index("meetings_assignment_idx").on(t.assignmentId),
  ],
);

export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: meetingParticipantRole("role").notNull(),
    response: meetingResponse("response").notNull().default("invited"),
    // Why they declined (or the note with their answer).
    responseNote: text("response_note"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    // A copy of the meeting's [start, end) so PostgreSQL can refuse overlaps per person
    // (exclusion constraint meeting_participants_no_overlap, migration 0021, needs btree_gist).
    during: tstzrange("during").notNull(),
    // True while the meeting is scheduled and this person has not declined: only then does it hold their time.
    holdsTime: boolean("holds_time").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    // A person's meetings list, newest or soonest first.
    index("meeting_participants_user_idx").on(t.userId, t.meetingId),
  ],
);

/** Each stay in the room: a row per join, closed when they leave (a rejoin opens another). */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    index("meeting_attendance_meeting_idx").on(t.meetingId, t.userId, t.joinedAt),
    // At most one open stay per person and meeting: a second join while one is open reuses it.
    uniqueIndex("meeting_attendance_one_open_idx").on(t.meetingId, t.userId).where(sql`${t.leftAt} is null`),
  ],
);

/** The reminders a meeting is owed; each is a pg-boss job due at `due_at`, sent once (`sent_at`). */
export const meetingReminders = pgTable(
  "meeting_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: meetingReminderKind("kind").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    jobId: text("job_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("meeting_reminders_meeting_kind_idx").on(t.meetingId, t.kind), index("meeting_reminders_due_idx").on(t.dueAt).where(sql`${t.sentAt} is null`)],
);

/** A person's private calendar feed: the URL carries a secret token, of which only the sha256 is kept. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Meeting = typeof meetings.$inferSelect;
export type MeetingParticipant = typeof meetingParticipants.$inferSelect;
export type MeetingAttendance = typeof meetingAttendance.$inferSelect;
export type MeetingReminder = typeof meetingReminders.$inferSelect;
