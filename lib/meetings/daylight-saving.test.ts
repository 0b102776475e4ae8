import { describe, expect, it } from "vitest";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { setTimeZone } from "@/test/meeting-core-fixtures";
import { meetingTeam } from "@/test/meeting-fixtures";
import { createMeeting } from "./create-meeting";
import { loadMeeting } from "./queries";
import { rescheduleMeeting } from "./reschedule-meeting";

describe("a meeting across a daylight-saving change", () => {
  it("lasts the minutes asked for, and both people see the same instants in their own zones", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    await setTimeZone(db, team.teacher.id, "America/New_York");
    await setTimeZone(db, team.student.id, "Europe/London");
    // 00:30 in New York on the night it falls back (02:00 EDT → 01:00 EST), for two hours.
    const form = { inviteeId: team.student.id, title: "Late review", startLocal: "2030-11-03T00:30", timeZone: "America/New_York", durationMinutes: 120 };
    const { meetingId } = must(await createMeeting(db, team.teacher, form));

    const forTeacher = await loadMeeting(db, team.teacher, meetingId);
    const forStudent = await loadMeeting(db, team.student, meetingId);
    expect(forTeacher).toMatchObject({ startsAt: new Date("2030-11-03T04:30:00Z"), endsAt: new Date("2030-11-03T06:30:00Z"), timeZone: "America/New_York" });
    expect(forStudent).toMatchObject({ startsAt: forTeacher!.startsAt, endsAt: forTeacher!.endsAt });
    expect(forStudent!.participants.map((person) => [person.participantRole, person.timeZone])).toEqual([
      ["organizer", "America/New_York"],
      ["invitee", "Europe/London"],
    ]);

    // Moved to the spring change (02:00 EST → 03:00 EDT on 9 Mar 2031): 01:30 for an hour ends at 03:30 EDT.
    must(await rescheduleMeeting(db, team.teacher, meetingId, { startLocal: "2031-03-09T01:30", timeZone: "America/New_York", durationMinutes: 60, version: forTeacher!.version }));
    expect(await loadMeeting(db, team.student, meetingId)).toMatchObject({ startsAt: new Date("2031-03-09T06:30:00Z"), endsAt: new Date("2031-03-09T07:30:00Z") });
  });
});
