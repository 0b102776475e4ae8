import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { insertMeeting, meetingTeam } from "@/test/meeting-fixtures";
import { inviteeAvailability } from "./availability";
import { meetingRules } from "./config";

const at = (iso: string) => new Date(iso);

describe("the invitee's availability", () => {
  it("shows both people's held times that day (no details) and suggests free starts around them", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    // London is on BST (UTC+1) in June.
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-06-12T08:00:00Z"), endsAt: at("2030-06-12T09:00:00Z"), title: "Secret billing talk" });
    await insertMeeting(db, { organizer: team.teacher, invitee: team.helper, startsAt: at("2030-06-12T09:30:00Z"), endsAt: at("2030-06-12T10:00:00Z") });
    // Hold no time: cancelled, declined by the invitee, or another day.
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-06-12T11:00:00Z"), status: "cancelled" });
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-06-12T12:00:00Z"), inviteeResponse: "declined", status: "declined" });
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-06-13T08:00:00Z") });

    const input = { inviteeId: team.student.id, date: "2030-06-12", timeZone: "Europe/London", durationMinutes: "60" };
    const result = must(await inviteeAvailability(db, team.teacher, input, at("2030-06-01T00:00:00Z")));
    expect(result.inviteeTimeZone).toBe("UTC");
    expect(result.busy).toEqual([
      { startsAt: at("2030-06-12T08:00:00Z"), endsAt: at("2030-06-12T09:00:00Z"), who: "invitee" },
      { startsAt: at("2030-06-12T09:30:00Z"), endsAt: at("2030-06-12T10:00:00Z"), who: "me" },
    ]);
    expect(JSON.stringify(result)).not.toContain("Secret");
    expect(result.suggestions.map((slot) => slot.startLocal)).toEqual(["2030-06-12T08:00", "2030-06-12T11:00", "2030-06-12T11:30", "2030-06-12T12:00", "2030-06-12T12:30", "2030-06-12T13:00", "2030-06-12T13:30", "2030-06-12T14:00"]);
    expect(result.suggestions[0]!.startsAt).toEqual(at("2030-06-12T07:00:00Z"));

    // Not before now + the minimum notice, and the meeting must end by 20:00.
    const now = at("2030-06-12T15:10:00Z");
    const late = must(await inviteeAvailability(db, team.student, { ...input, inviteeId: team.teacher.id, durationMinutes: "90" }, now));
    const earliest = now.getTime() + meetingRules().minNoticeMs;
    expect(late.suggestions.length).toBeGreaterThan(0);
    for (const slot of late.suggestions) {
      expect(slot.startsAt.getTime()).toBeGreaterThanOrEqual(earliest);
      expect(slot.startsAt.getTime() + 90 * 60_000).toBeLessThanOrEqual(at("2030-06-12T19:00:00Z").getTime());
      expect(slot.startsAt.getUTCMinutes() % 30).toBe(0);
    }
    expect(late.busy.map((interval) => interval.who)).toEqual(["me", "invitee"]);
  });

  it("reads a day with a DST change in the organizer's zone as its real instants", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    // New York springs forward on 2030-03-10: that day runs from 05:00Z to 04:00Z (23 hours).
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-03-10T05:30:00Z") });
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-03-11T03:30:00Z") });
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-03-11T04:00:00Z") });
    await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: at("2030-03-10T12:00:00Z") });
    const now = at("2030-03-01T00:00:00Z");
    const spring = must(await inviteeAvailability(db, team.teacher, { inviteeId: team.student.id, date: "2030-03-10", timeZone: "America/New_York", durationMinutes: 30 }, now));
    expect(spring.busy.map((interval) => interval.startsAt)).toEqual([at("2030-03-10T05:30:00Z"), at("2030-03-10T12:00:00Z"), at("2030-03-11T03:30:00Z")]);
    // 08:00 EDT is 12:00Z (busy), so 08:30 EDT = 12:30Z comes first.
    expect(spring.suggestions[0]).toEqual({ startLocal: "2030-03-10T08:30", startsAt: at("2030-03-10T12:30:00Z") });

    // London falls back on 2030-10-27: 08:00 there is GMT, 08:00Z (the day before it was 07:00Z).
    const fall = must(await inviteeAvailability(db, team.teacher, { inviteeId: team.student.id, date: "2030-10-27", timeZone: "Europe/London", durationMinutes: 30 }, now));
    expect(fall.suggestions[0]).toEqual({ startLocal: "2030-10-27T08:00", startsAt: at("2030-10-27T08:00:00Z") });
    const before = must(await inviteeAvailability(db, team.teacher, { inviteeId: team.student.id, date: "2030-10-26", timeZone: "Europe/London", durationMinutes: 30 }, now));
    expect(before.suggestions[0]).toEqual({ startLocal: "2030-10-26T08:00", startsAt: at("2030-10-26T07:00:00Z") });
  });

  it("is refused for someone the reader may not invite, and for bad input", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const query = (inviteeId: string) => ({ inviteeId, date: "2030-06-12", timeZone: "Europe/London", durationMinutes: 30 });
    // The helper teacher was never accepted on the student's work.
    expect(await inviteeAvailability(db, team.helper, query(team.student.id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await inviteeAvailability(db, team.student, query(team.helper.id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await inviteeAvailability(db, team.teacher, query(team.teacher.id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await inviteeAvailability(db, team.teacher, query(randomUUID()))).toMatchObject({ ok: false, code: "not_found" });
    expect(await inviteeAvailability(db, team.teacher, { ...query(team.student.id), date: "2030-02-30" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await inviteeAvailability(db, team.teacher, { ...query(team.student.id), timeZone: "Mars/Olympus" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { timeZone: expect.any(Array) } });
    expect(await inviteeAvailability(db, team.teacher, { ...query(team.student.id), durationMinutes: 5 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await inviteeAvailability(db, team.teacher, null)).toMatchObject({ ok: false, code: "invalid" });
    // Staff may ask about anyone active.
    expect((await inviteeAvailability(db, team.rep, query(team.helper.id))).ok).toBe(true);
  });
});
