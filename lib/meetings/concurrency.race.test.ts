import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingParticipants, meetings } from "@/db/schema";
import type { ServiceResult } from "@/lib/errors";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { bellsOf, hoursAhead, meetingForm, meetingRow, participantsOf, remindersOf, slotFields } from "@/test/meeting-core-fixtures";
import { meetingTeam } from "@/test/meeting-fixtures";
import { cancelMeeting } from "./cancel-meeting";
import { createMeeting } from "./create-meeting";
import { sendMeetingReminder } from "./reminders";
import { rescheduleMeeting } from "./reschedule-meeting";

type Db = Awaited<ReturnType<typeof testDb>>;

function exactlyOne<T>(results: ServiceResult<T>[]) {
  const winners = results.filter((result) => result.ok);
  expect(winners).toHaveLength(1);
  const losers = results.filter((result) => !result.ok);
  expect(losers.every((loser) => loser.code === "conflict")).toBe(true);
  return { winner: winners[0]!, losers };
}

/** The meetings holding this person's time. */
const holding = (db: Db, userId: string) => db.select().from(meetingParticipants).where(and(eq(meetingParticipants.userId, userId), eq(meetingParticipants.holdsTime, true)));

describe("no double booking under concurrency", () => {
  it("ten people booking one invitee for the same slot at once: exactly one meeting, the others are told who is busy", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const reps = await Promise.all(Array.from({ length: 10 }, (_, i) => createStaff(db, team.admin, "cs_rep", `Rep ${i + 1}`)));
    const at = hoursAhead(48);
    const results = await Promise.all(reps.map((rep) => createMeeting(db, rep, meetingForm(team.student.id, at))));
    const { losers } = exactlyOne(results);
    for (const loser of losers) expect(loser).toMatchObject({ message: `${team.student.name} already has a meeting at that time`, fieldErrors: { startLocal: [`${team.student.name} already has a meeting at that time`] } });
    expect(await holding(db, team.student.id)).toHaveLength(1);
    // Nothing of the refused bookings is left: one meeting, its two rows, its reminders.
    const made = await db.select().from(meetings).where(inArray(meetings.organizerId, reps.map((rep) => rep.id)));
    expect(made).toHaveLength(1);
    expect(await participantsOf(db, made[0]!.id)).toHaveLength(2);
    expect(await remindersOf(db, made[0]!.id)).toHaveLength(2);
  });

  it("one organizer booking ten people into the same slot at once (a double-clicked form, ten tabs): exactly one", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const students = await Promise.all(Array.from({ length: 10 }, (_, i) => createStudent(db, `Student ${i + 1}`)));
    const at = hoursAhead(50);
    const results = await Promise.all(students.map((student) => createMeeting(db, team.rep, meetingForm(student.id, at))));
    const { losers } = exactlyOne(results);
    for (const loser of losers) expect(loser).toMatchObject({ message: "You already have a meeting at that time" });
    expect(await holding(db, team.rep.id)).toHaveLength(1);
  });

  it("two meetings of the same two people moved onto one slot at once: one moves, the other is refused, no deadlock", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    for (let round = 0; round < 4; round++) {
      const one = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(60 + round * 10))));
      const two = must(await createMeeting(db, team.student, meetingForm(team.teacher.id, hoursAhead(62 + round * 10))));
      const target = slotFields(hoursAhead(64 + round * 10));
      const results = await Promise.all([
        rescheduleMeeting(db, team.teacher, one.meetingId, { ...target, version: 1 }),
        rescheduleMeeting(db, team.student, two.meetingId, { ...target, version: 1 }),
      ]);
      exactlyOne(results);
    }
  });

  it("cancel and reschedule of one meeting at once: they queue on the meeting's row, and the loser learns what happened", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    for (let round = 0; round < 4; round++) {
      const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(100 + round * 10))));
      const [cancelled, moved] = await Promise.all([
        cancelMeeting(db, team.student, meetingId, { reason: "Cannot make it" }),
        rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(hoursAhead(102 + round * 10)), version: 1 }),
      ]);
      const row = await meetingRow(db, meetingId);
      if (moved.ok) {
        // The move came first; the cancel, which carries no version, then cancelled the moved meeting.
        expect(cancelled.ok).toBe(true);
        expect(row).toMatchObject({ status: "cancelled", sequence: 2 });
      } else {
        expect(cancelled.ok).toBe(true);
        expect(moved).toMatchObject({ ok: false, code: "conflict", message: "This meeting was cancelled" });
        expect(row).toMatchObject({ status: "cancelled", sequence: 1 });
      }
      expect(await remindersOf(db, meetingId)).toEqual([]);
      expect((await participantsOf(db, meetingId)).every((p) => !p.holdsTime)).toBe(true);
    }
  });

  it("a reminder handled by several workers at once rings once", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(72))));
    const [, quarter] = await remindersOf(db, meetingId);
    const rung = await Promise.all(Array.from({ length: 8 }, () => sendMeetingReminder(db, quarter!.id)));
    expect(rung.filter((rows) => rows.length > 0)).toHaveLength(1);
    expect(await bellsOf(db, team.student.id, "meeting.reminder")).toHaveLength(1);
    expect(await bellsOf(db, team.teacher.id, "meeting.reminder")).toHaveLength(1);
  });
});
