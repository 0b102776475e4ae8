import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings } from "@/db/schema";
import { testDb } from "@/test/db";
import { insertMeeting, meetingTeam, minutesFrom } from "@/test/meeting-fixtures";
import { completeEndedMeetings } from "./complete-meetings";

describe("the completion sweep", () => {
  it("marks scheduled meetings completed once their end has passed, once", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const ended = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, -60), endsAt: minutesFrom(now, -30) });
    const endsNow = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: minutesFrom(now, -30), endsAt: now });
    const running = await insertMeeting(db, { organizer: team.rep, invitee: team.helper, startsAt: minutesFrom(now, -10), endsAt: minutesFrom(now, 20) });
    const cancelled = await insertMeeting(db, { organizer: team.rep, invitee: team.teacher, startsAt: minutesFrom(now, -120), status: "cancelled" });
    const declined = await insertMeeting(db, { organizer: team.rep, invitee: team.teacher, startsAt: minutesFrom(now, -180), status: "declined", inviteeResponse: "declined" });

    const { completed } = await completeEndedMeetings(db, now);
    expect(completed.sort()).toEqual([ended, endsNow].sort());
    const rows = await db.select().from(meetings).where(inArray(meetings.id, [ended, endsNow, running, cancelled, declined]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ended)).toMatchObject({ status: "completed", completedAt: now, version: 2 });
    expect(byId.get(endsNow)).toMatchObject({ status: "completed", completedAt: now });
    expect(byId.get(running)).toMatchObject({ status: "scheduled", completedAt: null, version: 1 });
    expect(byId.get(cancelled)).toMatchObject({ status: "cancelled", completedAt: null });
    expect(byId.get(declined)).toMatchObject({ status: "declined", completedAt: null });

    expect((await completeEndedMeetings(db, minutesFrom(now, 1))).completed).toEqual([]);
    const [again] = await db.select().from(meetings).where(eq(meetings.id, ended));
    expect(again).toMatchObject({ completedAt: now, version: 2 });
  });
});
