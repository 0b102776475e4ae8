import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingAttendance, profiles } from "@/db/schema";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { insertMeeting, meetingTeam, minutesFrom } from "@/test/meeting-fixtures";
import { inviteeOptions, listMeetings, loadMeeting, MEETINGS_PAGE_SIZE } from "./queries";
import { meetingListSchema } from "./schemas";

const HOUR = 3_600_000;
const list = (query: Record<string, unknown>) => meetingListSchema.parse(query);

describe("the meetings list", () => {
  it("shows only the reader's meetings: upcoming soonest first, the rest newest first", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const later = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + 48 * HOUR), title: "Later" });
    const sooner = await insertMeeting(db, { organizer: team.student, invitee: team.teacher, startsAt: new Date(now.getTime() + 24 * HOUR), title: "Sooner" });
    // Running now: upcoming until its end.
    const running = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() - 10 * 60_000), endsAt: new Date(now.getTime() + 20 * 60_000), title: "Running" });
    const ended = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() - 48 * HOUR), title: "Ended" });
    const olderEnded = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() - 72 * HOUR), title: "Older", status: "completed" });
    const cancelled = await insertMeeting(db, {
      organizer: team.teacher,
      invitee: team.student,
      startsAt: new Date(now.getTime() + 96 * HOUR),
      title: "Called off",
      status: "cancelled",
      cancellation: { reason: "Ill", byUserId: team.teacher.id, at: now },
    });
    const notMine = await insertMeeting(db, { organizer: team.rep, invitee: team.admin, startsAt: new Date(now.getTime() + 24 * HOUR), title: "Staff only" });

    const upcoming = await listMeetings(db, team.student, list({ when: "upcoming" }), now);
    expect(upcoming.rows.map((row) => row.id)).toEqual([running, sooner, later]);
    expect(upcoming.total).toBe(3);
    expect(upcoming.rows[1]).toMatchObject({ title: "Sooner", iAmOrganizer: true, myResponse: "accepted", theirResponse: "invited", with: { userId: team.teacher.id, name: "Priya Primary", role: "teacher" }, assignment: null, proposalPending: false });
    const past = await listMeetings(db, team.student, list({ when: "past" }), now);
    expect(past.rows.map((row) => row.id)).toEqual([cancelled, ended, olderEnded]);

    expect((await listMeetings(db, team.helper, list({ when: "upcoming" }), now)).rows).toEqual([]);
    const staff = await listMeetings(db, team.admin, list({ when: "upcoming" }), now);
    expect(staff.rows.map((row) => row.id)).toEqual([notMine]);
    expect(staff.rows[0]!.with).toMatchObject({ userId: team.rep.id, name: "Carla Rep", role: "cs_rep" });
  });

  it("searches the title and the other person's name, with % and _ taken literally", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const essay = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + 24 * HOUR), title: "Essay 100% done", assignmentId: team.assignment.id });
    const other = await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: new Date(now.getTime() + 26 * HOUR), title: "Billing" });
    const search = async (q: string) => (await listMeetings(db, team.student, list({ when: "upcoming", q }), now)).rows.map((row) => row.id);
    expect(await search("essay")).toEqual([essay]);
    expect(await search("CARLA")).toEqual([other]);
    expect(await search("priya")).toEqual([essay]);
    expect(await search("100%")).toEqual([essay]);
    expect(await search("%")).toEqual([essay]);
    expect(await search("_")).toEqual([]);
    // The reader's own name matches nothing: the search is over the other person.
    expect(await search("liam")).toEqual([]);
    const [row] = (await listMeetings(db, team.student, list({ when: "upcoming", q: "essay" }), now)).rows;
    expect(row!.assignment).toEqual({ id: team.assignment.id, code: team.assignment.code, title: expect.any(String) });
  });

  it("pages by 20 with the total", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < MEETINGS_PAGE_SIZE + 3; i += 1) ids.push(await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + (24 + i) * HOUR), title: `Session ${i}` }));
    const first = await listMeetings(db, team.teacher, list({ when: "upcoming" }), now);
    const second = await listMeetings(db, team.teacher, list({ when: "upcoming", page: "2" }), now);
    expect(first).toMatchObject({ total: 23, page: 1, pageSize: 20 });
    expect(first.rows.map((row) => row.id)).toEqual(ids.slice(0, 20));
    expect(second.rows.map((row) => row.id)).toEqual(ids.slice(20));
    expect(second.total).toBe(23);
  });
});

describe("a meeting's page", () => {
  it("is null for anyone but its two participants, and for a malformed id", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const id = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(Date.now() + 24 * HOUR) });
    const outsider = await createStudent(db, "Olive Outsider");
    for (const reader of [outsider, team.rep, team.admin, team.helper]) expect(await loadMeeting(db, reader, id)).toBeNull();
    expect(await loadMeeting(db, team.student, "not-a-uuid")).toBeNull();
    expect(await loadMeeting(db, team.student, randomUUID())).toBeNull();
    expect(await loadMeeting(db, team.student, id)).not.toBeNull();
  });

  it("shows both people in their own zones, the proposal, the attendance and the room", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    await db.update(profiles).set({ timeZone: "America/New_York" }).where(eq(profiles.userId, team.student.id));
    await db.update(profiles).set({ timeZone: "Europe/London" }).where(eq(profiles.userId, team.teacher.id));
    const now = new Date();
    const startsAt = new Date(now.getTime() + 5 * 60_000);
    const id = await insertMeeting(db, {
      organizer: team.teacher,
      invitee: team.student,
      startsAt,
      title: "Outline",
      agenda: "Sources",
      timeZone: "Europe/London",
      assignmentId: team.assignment.id,
      inviteeResponse: "accepted",
      proposal: { startsAt: minutesFrom(startsAt, 60), endsAt: minutesFrom(startsAt, 90), byUserId: team.student.id, note: "After lunch?" },
    });
    await db.insert(meetingAttendance).values([
      { meetingId: id, userId: team.teacher.id, joinedAt: new Date(now.getTime() - 60_000), leftAt: new Date(now.getTime() - 30_000) },
      { meetingId: id, userId: team.student.id, joinedAt: new Date(now.getTime() - 20_000) },
    ]);
    const detail = (await loadMeeting(db, team.student, id, now))!;
    expect(detail).toMatchObject({ id, title: "Outline", agenda: "Sources", timeZone: "Europe/London", iAmOrganizer: false, organizerId: team.teacher.id, sequence: 0, version: 1, proposalPending: true });
    expect(detail.participants).toEqual([
      { userId: team.teacher.id, name: "Priya Primary", role: "teacher", timeZone: "Europe/London", participantRole: "organizer", response: "accepted", responseNote: null, respondedAt: null },
      { userId: team.student.id, name: "Liam Student", role: "student", timeZone: "America/New_York", participantRole: "invitee", response: "accepted", responseNote: null, respondedAt: null },
    ]);
    expect(detail.proposal).toEqual({ startsAt: minutesFrom(startsAt, 60), endsAt: minutesFrom(startsAt, 90), byUserId: team.student.id, byName: "Liam Student", note: "After lunch?" });
    expect(detail.cancellation).toBeNull();
    expect(detail.attendance).toEqual([
      { userId: team.teacher.id, name: "Priya Primary", joinedAt: new Date(now.getTime() - 60_000), leftAt: new Date(now.getTime() - 30_000) },
      { userId: team.student.id, name: "Liam Student", joinedAt: new Date(now.getTime() - 20_000), leftAt: null },
    ]);
    expect(detail.room).toEqual({ opensAt: minutesFrom(startsAt, -10), closesAt: minutesFrom(startsAt, 30), open: true });
    expect(detail.assignment).toMatchObject({ id: team.assignment.id, code: team.assignment.code });
  });

  it("offers the actions the rules allow, per side, role and the student's window", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const farOff = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + 48 * HOUR) });
    const soon = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + 3 * HOUR), inviteeResponse: "accepted" });
    const open = await insertMeeting(db, { organizer: team.student, invitee: team.teacher, startsAt: new Date(now.getTime() + 5 * 60_000), inviteeResponse: "declined", status: "scheduled" });
    const withRep = await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: new Date(now.getTime() + 6 * HOUR), inviteeResponse: "accepted" });

    const studentFar = (await loadMeeting(db, team.student, farOff, now))!.actions;
    expect(studentFar).toEqual({ accept: true, decline: true, propose: true, answerProposal: false, reschedule: true, cancel: true, overrideAvailable: false, lockedReason: null, join: false });
    const teacherFar = (await loadMeeting(db, team.teacher, farOff, now))!.actions;
    expect(teacherFar).toMatchObject({ accept: false, decline: false, propose: false, reschedule: true, cancel: true, join: false });

    // Inside the 12-hour window the student can no longer change it; the teacher still can.
    const studentSoon = (await loadMeeting(db, team.student, soon, now))!.actions;
    expect(studentSoon).toMatchObject({ accept: false, decline: true, reschedule: false, cancel: false, overrideAvailable: false, lockedReason: expect.stringContaining("12 hours") });
    expect((await loadMeeting(db, team.teacher, soon, now))!.actions).toMatchObject({ reschedule: true, cancel: true, lockedReason: null, overrideAvailable: false });

    // Staff see the override inside the window; the student beside them is locked.
    expect((await loadMeeting(db, team.rep, withRep, now))!.actions).toMatchObject({ reschedule: true, cancel: true, overrideAvailable: true, lockedReason: null });
    expect((await loadMeeting(db, team.student, withRep, now))!.actions).toMatchObject({ reschedule: false, cancel: false });

    // The room is open: the organizer may join, the invitee who declined may not.
    expect((await loadMeeting(db, team.student, open, now))!.actions.join).toBe(true);
    expect((await loadMeeting(db, team.teacher, open, now))!.actions.join).toBe(false);

    // A proposal waits for the organizer; nothing is offered on a cancelled meeting.
    const proposed = await insertMeeting(db, {
      organizer: team.teacher,
      invitee: team.student,
      startsAt: new Date(now.getTime() + 72 * HOUR),
      proposal: { startsAt: new Date(now.getTime() + 73 * HOUR), endsAt: new Date(now.getTime() + 74 * HOUR), byUserId: team.student.id },
    });
    expect((await loadMeeting(db, team.teacher, proposed, now))!.actions.answerProposal).toBe(true);
    expect((await loadMeeting(db, team.student, proposed, now))!.actions).toMatchObject({ answerProposal: false, propose: false });
    const cancelled = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + 100 * HOUR), status: "cancelled", cancellation: { reason: "Ill", byUserId: team.teacher.id, at: now } });
    const gone = (await loadMeeting(db, team.student, cancelled, now))!;
    expect(Object.values(gone.actions).filter((flag) => flag === true)).toEqual([]);
    expect(gone.cancellation).toEqual({ reason: "Ill", byName: "Priya Primary", at: now });
  });
});

describe("who can be invited", () => {
  it("a teacher their accepted students, a student their teachers, staff anyone active", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const names = (options: { name: string }[]) => options.map((option) => option.name);

    const forTeacher = await inviteeOptions(db, team.teacher, "");
    expect(names(forTeacher)).toEqual(["Liam Student"]);
    expect(forTeacher[0]!.assignments).toEqual([{ id: team.assignment.id, code: team.assignment.code, title: expect.any(String) }]);
    expect(names(await inviteeOptions(db, team.student, ""))).toEqual(["Priya Primary"]);
    // The helper was never offered the work.
    expect(await inviteeOptions(db, team.helper, "")).toEqual([]);

    // Staff: anyone active but themselves (the test database holds other files' people too, so by id).
    const ids = (options: { userId: string }[]) => options.map((option) => option.userId);
    const student = (await inviteeOptions(db, team.rep, team.student.email))[0]!;
    expect(student).toMatchObject({ userId: team.student.id, name: "Liam Student", role: "student", timeZone: "UTC" });
    expect(student.assignments.map((a) => a.id)).toEqual([team.assignment.id]);
    expect(ids(await inviteeOptions(db, team.rep, student.publicId.toLowerCase()))).toEqual([team.student.id]);
    expect(ids(await inviteeOptions(db, team.rep, team.helper.email))).toEqual([team.helper.id]);
    expect(ids(await inviteeOptions(db, team.rep, team.admin.email))).toEqual([team.admin.id]);
    expect(await inviteeOptions(db, team.rep, team.rep.email)).toEqual([]);
    expect((await inviteeOptions(db, team.admin, team.teacher.email))[0]!.assignments.map((a) => a.id)).toEqual([team.assignment.id]);
    // Students do not find teachers by email.
    expect(await inviteeOptions(db, team.student, team.teacher.email)).toEqual([]);
  });
});
