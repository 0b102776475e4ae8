import { and, asc, count, desc, eq, gt, inArray, ne, not, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { assignments, meetingAttendance, meetingParticipants, meetings, profiles, teacherAssignments, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { meetingActions } from "./actions";
import { findMeetingParticipation, roomWindow } from "./policy";
import type { MeetingListQuery } from "./schemas";
import type { InviteeOption, MeetingDetail, MeetingList, MeetingPerson, MeetingSummary } from "./types";

export const MEETINGS_PAGE_SIZE = 20;
const INVITEE_LIMIT = 20;

const self = alias(meetingParticipants, "self");
const other = alias(meetingParticipants, "other");

// NUL cannot reach PostgreSQL text; % and _ are the user's characters, not wildcards.
const likePattern = (q: string) => `%${q.replace(/\u0000/g, "").trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The actor's meetings, upcoming (soonest first) or past (newest first), searchable by title or person. */
export async function listMeetings(db: Executor, actor: Actor, query: MeetingListQuery, now: Date = new Date()): Promise<MeetingList> {
  const empty = { rows: [], total: 0, page: query.page, pageSize: MEETINGS_PAGE_SIZE };
  if (!can(actor, "meetings:take-part")) return empty;
  const upcoming = and(eq(meetings.status, "scheduled"), gt(meetings.endsAt, now))!;
  const pattern = likePattern(query.q);
  const where = and(
    query.when === "upcoming" ? upcoming : not(upcoming),
    query.q.trim() ? or(sql`lower(${meetings.title}) like ${pattern}`, sql`lower(${profiles.fullName}) like ${pattern}`) : undefined,
  );
  const order = query.when === "upcoming" ? [asc(meetings.startsAt), asc(meetings.id)] : [desc(meetings.startsAt), desc(meetings.id)];
  const base = () =>
    db
      .select({
        id: meetings.id,
        title: meetings.title,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        status: meetings.status,
        timeZone: meetings.timeZone,
        assignmentId: assignments.id,
        assignmentCode: assignments.code,
        assignmentTitle: assignments.title,
        withId: other.userId,
        withName: profiles.fullName,
        withRole: users.role,
        myRole: self.role,
        myResponse: self.response,
        theirResponse: other.response,
        proposedStartsAt: meetings.proposedStartsAt,
      })
      .from(meetings)
      .innerJoin(self, and(eq(self.meetingId, meetings.id), eq(self.userId, actor.id)))
      .innerJoin(other, and(eq(other.meetingId, meetings.id), ne(other.userId, actor.id)))
      .innerJoin(users, eq(users.id, other.userId))
      .innerJoin(profiles, eq(profiles.userId, other.userId))
      .leftJoin(assignments, eq(assignments.id, meetings.assignmentId));
  const [rows, totals] = await Promise.all([
    base()
      .where(where)
      .orderBy(...order)
      .limit(MEETINGS_PAGE_SIZE)
      .offset((query.page - 1) * MEETINGS_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(meetings)
      .innerJoin(self, and(eq(self.meetingId, meetings.id), eq(self.userId, actor.id)))
      .innerJoin(other, and(eq(other.meetingId, meetings.id), ne(other.userId, actor.id)))
      .innerJoin(profiles, eq(profiles.userId, other.userId))
      .where(where),
  ]);
  return {
    rows: rows.map(
      (row): MeetingSummary => ({
        id: row.id,
        title: row.title,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        status: row.status,
        timeZone: row.timeZone,
        assignment: row.assignmentId ? { id: row.assignmentId, code: row.assignmentCode!, title: row.assignmentTitle! } : null,
        with: { userId: row.withId, name: row.withName, role: row.withRole },
        iAmOrganizer: row.myRole === "organizer",
        myResponse: row.myResponse,
        theirResponse: row.theirResponse,
        proposalPending: row.proposedStartsAt !== null,
      }),
    ),
    total: totals[0]?.n ?? 0,
    page: query.page,
    pageSize: MEETINGS_PAGE_SIZE,
  };
}

/** One meeting for one of its participants; null for anyone else. */
export async function loadMeeting(db: Executor, actor: Actor, meetingId: string, now: Date = new Date()): Promise<MeetingDetail | null> {
  const participation = await findMeetingParticipation(db, actor, meetingId);
  if (!participation) return null;
  const { meeting } = participation;
  const people = [participation.self, participation.other];
  const [personRows, assignmentRows, stays] = await Promise.all([
    db
      .select({ userId: users.id, role: users.role, name: profiles.fullName, timeZone: profiles.timeZone })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(inArray(users.id, [...new Set([...people.map((p) => p.userId), meeting.proposedBy, meeting.cancelledBy].filter((id): id is string => id !== null))])),
    meeting.assignmentId ? db.select({ id: assignments.id, code: assignments.code, title: assignments.title }).from(assignments).where(eq(assignments.id, meeting.assignmentId)) : Promise.resolve([]),
    db
      .select({ userId: meetingAttendance.userId, joinedAt: meetingAttendance.joinedAt, leftAt: meetingAttendance.leftAt })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id))
      .orderBy(asc(meetingAttendance.joinedAt), asc(meetingAttendance.id)),
  ]);
  const byId = new Map(personRows.map((row) => [row.userId, row]));
  const nameOf = (userId: string | null) => (userId ? (byId.get(userId)?.name ?? null) : null);
  const participants = people
    .map((person): MeetingPerson => {
      const profile = byId.get(person.userId);
      return {
        userId: person.userId,
        name: profile?.name ?? "",
        role: profile?.role ?? "student",
        timeZone: profile?.timeZone ?? "UTC",
        participantRole: person.role,
        response: person.response,
        responseNote: person.responseNote,
        respondedAt: person.respondedAt,
      };
    })
    .sort((a, b) => (a.participantRole === b.participantRole ? 0 : a.participantRole === "organizer" ? -1 : 1));
  const them = participants.find((person) => person.userId === participation.other.userId)!;
  const proposalPending = meeting.proposedStartsAt !== null && meeting.proposedEndsAt !== null;
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    timeZone: meeting.timeZone,
    assignment: assignmentRows[0] ?? null,
    with: { userId: them.userId, name: them.name, role: them.role },
    iAmOrganizer: participation.self.role === "organizer",
    myResponse: participation.self.response,
    theirResponse: participation.other.response,
    proposalPending,
    agenda: meeting.agenda,
    organizerId: meeting.organizerId,
    sequence: meeting.sequence,
    version: meeting.version,
    participants,
    proposal: proposalPending
      ? { startsAt: meeting.proposedStartsAt!, endsAt: meeting.proposedEndsAt!, byUserId: meeting.proposedBy ?? "", byName: nameOf(meeting.proposedBy) ?? "", note: meeting.proposalNote }
      : null,
    cancellation: meeting.status === "cancelled" && meeting.cancelledAt ? { reason: meeting.cancelReason ?? "", byName: nameOf(meeting.cancelledBy), at: meeting.cancelledAt } : null,
    attendance: stays.map((stay) => ({ ...stay, name: nameOf(stay.userId) ?? "" })),
    room: roomWindow(meeting, now),
    actions: meetingActions(actor, participation, now),
  };
}

/**
 * People the actor may invite, filtered by name/public id/email (q), at most 20: staff anyone
 * active, a teacher the students of assignments they accepted, a student those teachers. Each
 * comes with the assignments the two share, for linking (for staff: the person's own).
 */
export async function inviteeOptions(db: Executor, actor: Actor, q: string): Promise<InviteeOption[]> {
  if (!can(actor, "meetings:take-part")) return [];
  const anyone = can(actor, "meetings:schedule-with-anyone");
  let allowed: SQL;
  if (anyone) allowed = sql`true`;
  else if (actor.role === "teacher")
    allowed = sql`${users.id} in (select ${assignments.studentId} from ${assignments} join ${teacherAssignments} on ${teacherAssignments.assignmentId} = ${assignments.id}
      where ${teacherAssignments.teacherId} = ${actor.id} and ${teacherAssignments.status} = 'accepted')`;
  else if (actor.role === "student")
    allowed = sql`${users.id} in (select ${teacherAssignments.teacherId} from ${teacherAssignments} join ${assignments} on ${assignments.id} = ${teacherAssignments.assignmentId}
      where ${assignments.studentId} = ${actor.id} and ${teacherAssignments.status} = 'accepted')`;
  else return [];
  const term = q.replace(/[\u0000\uFFFD]/g, "").trim().slice(0, 100);
  const pattern = likePattern(term);
  const people = await db
    .select({ userId: users.id, role: users.role, name: profiles.fullName, publicId: profiles.publicId, timeZone: profiles.timeZone })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(users.status, "active"),
        ne(users.id, actor.id),
        allowed,
        term ? or(sql`lower(${profiles.fullName}) like ${pattern}`, sql`lower(${profiles.publicId}) like ${pattern}`, anyone ? sql`${users.email} like ${pattern}` : undefined) : undefined,
      ),
    )
    .orderBy(asc(profiles.fullName), asc(users.id))
    .limit(INVITEE_LIMIT);
  if (people.length === 0) return [];
  const links = await linkableAssignments(db, actor, anyone, people.map((person) => person.userId));
  return people.map((person) => ({ ...person, assignments: links.get(person.userId) ?? [] }));
}

type AssignmentLink = { id: string; code: string; title: string };

async function linkableAssignments(db: Executor, actor: Actor, anyone: boolean, userIds: string[]): Promise<Map<string, AssignmentLink[]>> {
  const fields = { id: assignments.id, code: assignments.code, title: assignments.title };
  const accepted = eq(teacherAssignments.status, "accepted");
  let rows: (AssignmentLink & { userId: string })[];
  if (anyone) {
    // What scheduleRefusal accepts for staff: an assignment the invitee asked for or works on.
    const asStudent = db.select({ ...fields, userId: assignments.studentId }).from(assignments).where(inArray(assignments.studentId, userIds));
    const asTeacher = db
      .select({ ...fields, userId: teacherAssignments.teacherId })
      .from(teacherAssignments)
      .innerJoin(assignments, eq(assignments.id, teacherAssignments.assignmentId))
      .where(and(inArray(teacherAssignments.teacherId, userIds), accepted));
    rows = [...(await asStudent), ...(await asTeacher)];
  } else if (actor.role === "teacher") {
    rows = await db
      .select({ ...fields, userId: assignments.studentId })
      .from(assignments)
      .innerJoin(teacherAssignments, eq(teacherAssignments.assignmentId, assignments.id))
      .where(and(inArray(assignments.studentId, userIds), eq(teacherAssignments.teacherId, actor.id), accepted));
  } else {
    rows = await db
      .select({ ...fields, userId: teacherAssignments.teacherId })
      .from(teacherAssignments)
      .innerJoin(assignments, eq(assignments.id, teacherAssignments.assignmentId))
      .where(and(inArray(teacherAssignments.teacherId, userIds), eq(assignments.studentId, actor.id), accepted));
  }
  const byUser = new Map<string, AssignmentLink[]>();
  for (const { userId, ...link } of rows) {
    const list = byUser.get(userId) ?? [];
    if (!list.some((known) => known.id === link.id)) list.push(link);
    byUser.set(userId, list);
  }
  // Newest codes first: the assignment most likely being discussed.
  for (const list of byUser.values()) list.sort((a, b) => b.code.localeCompare(a.code));
  return byUser;
}
