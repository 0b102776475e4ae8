import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, meetingParticipants, meetings, teacherAssignments, type Meeting, type MeetingParticipant } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { ROOM_OPENS_BEFORE_MS } from "./config";
import { meetingIdSchema } from "./schemas";

export type MeetingParticipation = { meeting: Meeting; self: MeetingParticipant; other: MeetingParticipant };

/**
 * The meeting as one of its two participants sees it, or null for anyone else (and for a malformed
 * id): pages answer 404 and services "not found", so an outsider learns nothing about it.
 */
export async function findMeetingParticipation(db: Executor, actor: Actor, meetingId: string, options: { lock?: boolean } = {}): Promise<MeetingParticipation | null> {
  if (!meetingIdSchema.safeParse(meetingId).success || !can(actor, "meetings:take-part")) return null;
  const query = db.select().from(meetings).where(eq(meetings.id, meetingId));
  const [meeting] = options.lock ? await query.for("update") : await query;
  if (!meeting) return null;
  const people = await db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  const self = people.find((person) => person.userId === actor.id);
  const other = people.find((person) => person.userId !== actor.id);
  if (!self || !other) return null;
  return { meeting, self, other };
}

export type Invitee = { id: string; role: Role; status: "active" | "blocked" };

/**
 * Why the actor may not meet this person (null: they may). Staff meet anyone active; a teacher and
 * a student meet when the teacher has accepted work on one of the student's assignments, and a
 * linked assignment must be one of those (for staff: one the invitee works on or asked for).
 */
export async function scheduleRefusal(db: Executor, actor: Actor, invitee: Invitee, assignmentId: string | null): Promise<string | null> {
  if (!can(actor, "meetings:take-part")) return "You cannot schedule meetings";
  if (invitee.id === actor.id) return "You cannot invite yourself";
  if (invitee.status !== "active") return "This person's account is blocked";
  if (can(actor, "meetings:schedule-with-anyone")) {
    if (!assignmentId) return null;
    return (await assignmentInvolves(db, assignmentId, invitee.id)) ? null : "The linked assignment is not one this person works on";
  }
  const pair = teacherStudentPair(actor, invitee);
  if (!pair) return "You can meet the teachers of your assignments, or the students you work for";
  const shared = await sharedAssignmentIds(db, pair.teacherId, pair.studentId);
  if (shared.size === 0) return "You can meet only once the teacher has accepted one of the student's assignments";
  if (assignmentId && !shared.has(assignmentId)) return "The linked assignment is not one you share";
  return null;
}

function teacherStudentPair(actor: Actor, invitee: Invitee): { teacherId: string; studentId: string } | null {
  if (actor.role === "teacher" && invitee.role === "student") return { teacherId: actor.id, studentId: invitee.id };
  if (actor.role === "student" && invitee.role === "teacher") return { teacherId: invitee.id, studentId: actor.id };
  return null;
}

/** Assignments of the student on which the teacher's work is accepted (and not removed). */
export async function sharedAssignmentIds(db: Executor, teacherId: string, studentId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: assignments.id })
    .from(assignments)
    .innerJoin(teacherAssignments, eq(teacherAssignments.assignmentId, assignments.id))
    .where(and(eq(assignments.studentId, studentId), eq(teacherAssignments.teacherId, teacherId), eq(teacherAssignments.status, "accepted")));
  return new Set(rows.map((row) => row.id));
}

async function assignmentInvolves(db: Executor, assignmentId: string, userId: string): Promise<boolean> {
  const [assignment] = await db.select({ studentId: assignments.studentId }).from(assignments).where(eq(assignments.id, assignmentId));
  if (!assignment) return false;
  if (assignment.studentId === userId) return true;
  const [teacher] = await db
    .select({ id: teacherAssignments.teacherId })
    .from(teacherAssignments)
    .where(and(eq(teacherAssignments.assignmentId, assignmentId), eq(teacherAssignments.teacherId, userId), eq(teacherAssignments.status, "accepted")));
  return Boolean(teacher);
}

/** Inside this window a student may no longer cancel or move the meeting; staff may, ticking override. */
export function insideStudentWindow(meeting: Pick<Meeting, "startsAt">, now: Date, studentChangeWindowMs: number): boolean {
  return meeting.startsAt.getTime() - now.getTime() < studentChangeWindowMs;
}

export type RoomWindow = { opensAt: Date; closesAt: Date; open: boolean };

/** The room is open from 10 minutes before the start until the end, for a meeting still scheduled. */
export function roomWindow(meeting: Pick<Meeting, "startsAt" | "endsAt" | "status">, now: Date = new Date()): RoomWindow {
  const opensAt = new Date(meeting.startsAt.getTime() - ROOM_OPENS_BEFORE_MS);
  const closesAt = meeting.endsAt;
  return { opensAt, closesAt, open: meeting.status === "scheduled" && now >= opensAt && now < closesAt };
}

/** presence-meeting-{id}: only its two participants, and only while the room is open. */
export async function mayJoinMeetingChannel(db: Executor, actor: Actor, meetingId: string): Promise<boolean> {
  const participation = await findMeetingParticipation(db, actor, meetingId);
  return participation !== null && participation.self.response !== "declined" && roomWindow(participation.meeting).open;
}
