import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meetingParticipants, type Meeting, type MeetingParticipant } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { zonedTimeToInstant } from "@/lib/assignments/time-zone";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { meetingRules } from "./config";
import { refuse } from "./meeting-change";
import type { MeetingPersonInfo } from "./people";
import { insideStudentWindow, type MeetingParticipation } from "./policy";

export type MeetingSlot = { startsAt: Date; endsAt: Date };

/** The instants a form's wall-clock start, read in its zone, and its duration name; null for a day that does not exist. */
export function slotFromForm(form: { startLocal: string; timeZone: string; durationMinutes: number }): MeetingSlot | null {
  const startsAt = zonedTimeToInstant(form.startLocal, form.timeZone);
  if (!startsAt) return null;
  return { startsAt, endsAt: new Date(startsAt.getTime() + form.durationMinutes * 60_000) };
}

export function sameSlot(meeting: Pick<Meeting, "startsAt" | "endsAt">, slot: MeetingSlot): boolean {
  return meeting.startsAt.getTime() === slot.startsAt.getTime() && meeting.endsAt.getTime() === slot.endsAt.getTime();
}

const invalidStart = (message: string) => fail("invalid", message, { startLocal: [message] });

export const noSuchTime = () => invalidStart("Pick a date and time that exists");

function spoken(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * A new or moved time must be in the future and leave the minimum notice. Staff may book inside the
 * notice by ticking override; the caller records that (`overrodeNotice`). The past is never allowed.
 */
export function checkNewTime(actor: Actor, slot: MeetingSlot, now: Date, override: boolean): ServiceResult<{ overrodeNotice: boolean }> {
  if (slot.startsAt <= now) return invalidStart("Pick a time in the future");
  const { minNoticeMs } = meetingRules();
  if (slot.startsAt.getTime() - now.getTime() >= minNoticeMs) return ok({ overrodeNotice: false });
  const staff = can(actor, "meetings:override-windows");
  if (staff && override) return ok({ overrodeNotice: true });
  const notice = `A meeting needs at least ${spoken(minNoticeMs)}' notice: pick a later time`;
  return invalidStart(staff ? `${notice}, or tick override to book it anyway` : notice);
}

/**
 * Inside the window before the start a student can no longer cancel or move a meeting. Staff in a
 * meeting with a student may, ticking override (the caller audits it); a teacher is not limited.
 * Returns whether the override was used.
 */
export function checkChangeWindow(actor: Actor, participation: MeetingParticipation, people: Map<string, MeetingPersonInfo>, now: Date, override: boolean): { overrodeWindow: boolean } {
  const { studentChangeWindowMs } = meetingRules();
  if (!insideStudentWindow(participation.meeting, now, studentChangeWindowMs)) return { overrodeWindow: false };
  const window = spoken(studentChangeWindowMs);
  if (actor.role === "student") {
    const other = people.get(participation.other.userId)?.name ?? "the other participant";
    refuse("forbidden", `Less than ${window} before the start you can no longer cancel or reschedule this meeting. Write to ${other} or to support instead`);
  }
  const withStudent = [participation.self, participation.other].some((person) => people.get(person.userId)?.role === "student");
  if (!withStudent || !can(actor, "meetings:override-windows")) return { overrodeWindow: false };
  if (override) return { overrodeWindow: true };
  const message = `It is less than ${window} before a meeting with a student: tick override to change it anyway (it is recorded)`;
  return refuse("forbidden", message, { override: [message] });
}

export function duringText(slot: MeetingSlot): string {
  return `[${slot.startsAt.toISOString()},${slot.endsAt.toISOString()})`;
}

/** A person's time is held while the meeting is scheduled and they have not declined. */
export function holdsTime(meeting: Pick<Meeting, "status">, response: MeetingParticipant["response"]): boolean {
  return meeting.status === "scheduled" && response !== "declined";
}

type ParticipantState = Pick<MeetingParticipant, "userId" | "response" | "responseNote" | "respondedAt">;
type NewParticipant = ParticipantState & { role: MeetingParticipant["role"] };

/** Both people's rows for a new meeting, holding its time; a clash with either one's meetings refuses it. */
export async function insertParticipants(tx: Executor, actor: Actor, meeting: Meeting, rows: NewParticipant[], people: Map<string, MeetingPersonInfo>): Promise<void> {
  await refusingOverlap(actor, people, async () => {
    // One statement per person in a fixed order: two bookings sharing both people then wait on
    // each other in the same order instead of deadlocking.
    for (const row of byUser(rows)) {
      await tx.insert(meetingParticipants).values({ ...row, meetingId: meeting.id, during: duringText(meeting), holdsTime: holdsTime(meeting, row.response) });
    }
  });
}

/**
 * Writes the meeting's (new) time, status and each person's response to both participants' rows,
 * so `during` and `holds_time` never disagree with the meeting. Call it after updating the meeting,
 * in the same transaction.
 */
export async function syncParticipants(tx: Executor, actor: Actor, meeting: Meeting, rows: ParticipantState[], people: Map<string, MeetingPersonInfo>): Promise<void> {
  await refusingOverlap(actor, people, async () => {
    for (const row of byUser(rows)) {
      await tx
        .update(meetingParticipants)
        .set({ response: row.response, responseNote: row.responseNote, respondedAt: row.respondedAt, during: duringText(meeting), holdsTime: holdsTime(meeting, row.response) })
        .where(and(eq(meetingParticipants.meetingId, meeting.id), eq(meetingParticipants.userId, row.userId)));
    }
  });
}

const byUser = <T extends { userId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));

type PgError = { code?: string; constraint?: string; detail?: string };

function pgErrorOf(error: unknown): PgError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as PgError & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/**
 * PostgreSQL refuses the overlap itself (meeting_participants_no_overlap, SQLSTATE 23P01), which is
 * what makes ten concurrent bookings of one slot end in exactly one. Its detail names the person
 * whose time is taken. A deadlock between two crossing changes is refused the same way.
 */
async function refusingOverlap(actor: Actor, people: Map<string, MeetingPersonInfo>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code !== "23P01" && pg?.code !== "40P01") throw error;
    const userId = /\(user_id, during\)=\(([0-9a-f-]{36})/.exec(pg.detail ?? "")?.[1];
    const person = userId ? people.get(userId) : undefined;
    const message = !person ? "One of you already has a meeting at that time" : person.id === actor.id ? "You already have a meeting at that time" : `${person.name} already has a meeting at that time`;
    refuse("conflict", message, { startLocal: [message] });
  }
}
