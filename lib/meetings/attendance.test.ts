import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingAttendance } from "@/db/schema";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { insertMeeting, meetingTeam, minutesFrom } from "@/test/meeting-fixtures";
import { recordRoomEvent } from "./attendance";
import { sweepRoomAttendance } from "./attendance-sweep";

type Db = Awaited<ReturnType<typeof testDb>>;
const stays = (db: Db, meetingId: string) =>
  db
    .select({ userId: meetingAttendance.userId, joinedAt: meetingAttendance.joinedAt, leftAt: meetingAttendance.leftAt })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(meetingAttendance.id));

describe("attendance in the room", () => {
  it("a join opens a stay (a second join keeps it), a leave closes it, a rejoin opens another", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const id = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt, inviteeResponse: "accepted" });
    const t = (minutes: number) => minutesFrom(startsAt, minutes);

    // The room opens 10 minutes before the start and closes at the end.
    expect(await recordRoomEvent(db, team.student, id, { event: "join" }, t(-11))).toMatchObject({ ok: false, code: "conflict" });
    expect(await recordRoomEvent(db, team.student, id, { event: "join" }, t(30))).toMatchObject({ ok: false, code: "conflict" });
    expect(await stays(db, id)).toEqual([]);

    must(await recordRoomEvent(db, team.student, id, { event: "join" }, t(-10)));
    must(await recordRoomEvent(db, team.student, id, { event: "join" }, t(-9)));
    must(await recordRoomEvent(db, team.teacher, id, { event: "join" }, t(1)));
    must(await recordRoomEvent(db, team.student, id, { event: "leave" }, t(5)));
    must(await recordRoomEvent(db, team.student, id, { event: "leave" }, t(6)));
    must(await recordRoomEvent(db, team.student, id, { event: "join" }, t(7)));
    expect(await stays(db, id)).toEqual([
      { userId: team.student.id, joinedAt: t(-10), leftAt: t(5) },
      { userId: team.teacher.id, joinedAt: t(1), leftAt: null },
      { userId: team.student.id, joinedAt: t(7), leftAt: null },
    ]);
    // A leave after the end still closes the stay.
    must(await recordRoomEvent(db, team.teacher, id, { event: "leave" }, t(31)));
    expect((await stays(db, id))[1]!.leftAt).toEqual(t(31));
  });

  it("refuses outsiders, someone who declined, a meeting called off, and malformed events", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const id = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 5) });
    const outsider = await createStudent(db, "Olive Outsider");
    for (const actor of [outsider, team.rep, team.helper]) expect(await recordRoomEvent(db, actor, id, { event: "join" }, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordRoomEvent(db, outsider, id, { event: "leave" }, now)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordRoomEvent(db, team.student, "nope", { event: "join" }, now)).toMatchObject({ ok: false, code: "not_found" });
    for (const bad of [null, "join", {}, { event: "dance" }, [{ event: "join" }]]) expect(await recordRoomEvent(db, team.student, id, bad, now)).toMatchObject({ ok: false, code: "invalid" });

    const declined = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 60), endsAt: minutesFrom(now, 90), inviteeResponse: "declined" });
    expect(await recordRoomEvent(db, team.student, declined, { event: "join" }, minutesFrom(now, 55))).toMatchObject({ ok: false, code: "forbidden" });
    const cancelled = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 120), status: "cancelled" });
    expect(await recordRoomEvent(db, team.teacher, cancelled, { event: "join" }, minutesFrom(now, 121))).toMatchObject({ ok: false, code: "conflict" });
    expect(await stays(db, id)).toEqual([]);
  });
});

describe("the attendance sweep", () => {
  it("closes stays whose person left the presence channel, and every stay of a meeting that ended", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const live = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, -5), inviteeResponse: "accepted" });
    const unknown = await insertMeeting(db, { organizer: team.rep, invitee: team.admin, startsAt: minutesFrom(now, -5), inviteeResponse: "accepted" });
    const ended = await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: minutesFrom(now, -120), endsAt: minutesFrom(now, -90) });
    await db.insert(meetingAttendance).values([
      // The student's browser crashed: still open here, gone from presence.
      { meetingId: live, userId: team.student.id, joinedAt: minutesFrom(now, -4) },
      { meetingId: live, userId: team.teacher.id, joinedAt: minutesFrom(now, -4) },
      { meetingId: unknown, userId: team.rep.id, joinedAt: minutesFrom(now, -4) },
      { meetingId: ended, userId: team.student.id, joinedAt: minutesFrom(now, -100) },
    ]);
    const asked: string[] = [];
    const presence = async (meetingId: string) => {
      asked.push(meetingId);
      // The real-time server cannot say for `unknown`: its stay stays open.
      return meetingId === live ? new Set([team.teacher.id]) : null;
    };
    expect(await sweepRoomAttendance(db, presence, now)).toEqual({ closed: 2 });
    expect(asked.sort()).toEqual([live, unknown].sort());
    expect(await stays(db, live)).toEqual([
      { userId: team.student.id, joinedAt: minutesFrom(now, -4), leftAt: now },
      { userId: team.teacher.id, joinedAt: minutesFrom(now, -4), leftAt: null },
    ]);
    expect((await stays(db, unknown))[0]!.leftAt).toBeNull();
    // Closed at the meeting's end, not at the moment the sweep noticed.
    expect((await stays(db, ended))[0]!.leftAt).toEqual(minutesFrom(now, -90));

    // A stay opened moments ago is not judged yet: the presence subscription may still be on its way.
    await db.insert(meetingAttendance).values({ meetingId: live, userId: team.student.id, joinedAt: minutesFrom(now, 0) });
    expect(await sweepRoomAttendance(db, presence, minutesFrom(now, 0.1))).toEqual({ closed: 0 });
    expect((await stays(db, live)).filter((stay) => stay.leftAt === null).map((stay) => stay.userId)).toEqual([team.teacher.id, team.student.id]);
    // Past the grace, a stay whose person is not there is closed.
    expect(await sweepRoomAttendance(db, presence, minutesFrom(now, 1))).toEqual({ closed: 1 });
  });
});
