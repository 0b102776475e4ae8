import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { insertMeeting, meetingTeam, minutesFrom } from "@/test/meeting-fixtures";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { loadRoom } from "./room";

describe("the meeting room", () => {
  it("shows its two participants each other, from 10 minutes before the start until the end", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const startsAt = minutesFrom(new Date(), 30);
    const id = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt, inviteeResponse: "accepted", title: "Thesis check-in" });

    const early = await loadRoom(db, team.student, id, minutesFrom(startsAt, -11));
    expect(early).toMatchObject({ meetingId: id, title: "Thesis check-in", me: { userId: team.student.id }, other: { userId: team.teacher.id, name: team.teacher.name }, window: { open: false } });
    expect(early!.window.opensAt).toEqual(minutesFrom(startsAt, -10));
    expect((await loadRoom(db, team.teacher, id, minutesFrom(startsAt, -10)))?.window.open).toBe(true);
    expect((await loadRoom(db, team.teacher, id, minutesFrom(startsAt, 30)))?.window.open).toBe(false);
    expect((await loadRoom(db, team.teacher, id, startsAt))?.other).toEqual({ userId: team.student.id, name: team.student.name });
  });

  it("is not found for anyone else, for a participant who declined, and for a malformed id", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const id = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 5) });
    const outsider = await createStudent(db, "Olive Outsider");
    for (const actor of [outsider, team.rep, team.helper]) expect(await loadRoom(db, actor, id, now)).toBeNull();
    expect(await loadRoom(db, team.student, "not-a-meeting", now)).toBeNull();
    const declined = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 60), inviteeResponse: "declined" });
    expect(await loadRoom(db, team.student, declined, now)).toBeNull();
  });

  it("lets only the participants into presence-meeting-{id}, and only while the room is open", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const open = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 5), inviteeResponse: "accepted" });
    const later = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, 180), inviteeResponse: "accepted" });
    const outsider = await createStudent(db, "Olive Outsider");
    expect(await authorizeChannel(db, team.student, `presence-meeting-${open}`)).toEqual({
      allowed: true,
      presence: { user_id: team.student.id, user_info: { name: team.student.name, role: "student" } },
    });
    expect(await authorizeChannel(db, team.teacher, `presence-meeting-${open}`)).toMatchObject({ allowed: true });
    for (const actor of [outsider, team.rep]) expect(await authorizeChannel(db, actor, `presence-meeting-${open}`)).toEqual({ allowed: false });
    expect(await authorizeChannel(db, team.student, `presence-meeting-${later}`)).toEqual({ allowed: false });
    expect(await authorizeChannel(db, team.student, `private-meeting-${open}`)).toEqual({ allowed: false });
  });
});
