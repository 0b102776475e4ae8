import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLogs, mailOutbox, meetingParticipants, meetingReminders, meetings, notifications, profiles } from "@/db/schema";
import { instantToZonedTime } from "@/lib/assignments/time-zone";

/** A whole hour `hours` from now (forms pick times to the minute). */
export function hoursAhead(hours: number, from: Date = new Date()): Date {
  return new Date(Math.ceil(from.getTime() / 3_600_000) * 3_600_000 + hours * 3_600_000);
}

/** The start fields of a form for `at`, as a datetime-local field in `timeZone` sends them. */
export function slotFields(at: Date, durationMinutes = 60, timeZone = "UTC") {
  return { startLocal: instantToZonedTime(at, timeZone), timeZone, durationMinutes };
}

export function meetingForm(inviteeId: string, at: Date, overrides: Record<string, unknown> = {}) {
  return { inviteeId, title: "Essay outline review", agenda: "Go through the outline", ...slotFields(at), ...overrides };
}

export async function meetingRow(db: Database, meetingId: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!row) throw new Error("fixture: no such meeting");
  return row;
}

export function participantsOf(db: Database, meetingId: string) {
  return db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId)).orderBy(asc(meetingParticipants.role));
}

export function remindersOf(db: Database, meetingId: string) {
  return db.select().from(meetingReminders).where(eq(meetingReminders.meetingId, meetingId)).orderBy(asc(meetingReminders.dueAt));
}

export function bellsOf(db: Database, userId: string, type?: string) {
  return db
    .select()
    .from(notifications)
    .where(type ? and(eq(notifications.userId, userId), eq(notifications.type, type)) : eq(notifications.userId, userId))
    .orderBy(asc(notifications.createdAt));
}

export function meetingMailsTo(db: Database, userId: string) {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.kind, "notification:meeting_invitation")))
    .orderBy(asc(mailOutbox.createdAt));
}

/** The text of a mail's calendar attachment. */
export function icsOf(mail: { attachments: { filename: string; content: string }[] }): string {
  const file = mail.attachments.find((attachment) => attachment.filename === "meeting.ics");
  if (!file) throw new Error("fixture: no meeting.ics attached");
  return Buffer.from(file.content, "base64").toString("utf8");
}

export function auditsOf(db: Database, meetingId: string) {
  return db.select().from(auditLogs).where(and(eq(auditLogs.targetType, "meeting"), eq(auditLogs.targetId, meetingId))).orderBy(asc(auditLogs.id));
}

export function setTimeZone(db: Database, userId: string, timeZone: string) {
  return db.update(profiles).set({ timeZone }).where(eq(profiles.userId, userId));
}
