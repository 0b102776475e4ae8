import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, users } from "@/db/schema";
import { renderNotification } from "@/lib/notifications/render";
import { formatDateTime } from "@/lib/time/format";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { auditsOf, bellsOf, hoursAhead, icsOf, meetingForm, meetingMailsTo, meetingRow, participantsOf, setTimeZone, slotFields } from "@/test/meeting-core-fixtures";
import { meetingTeam } from "@/test/meeting-fixtures";
import { cancelMeeting } from "./cancel-meeting";
import { createMeeting } from "./create-meeting";
import { answerProposal, proposeNewTime } from "./propose-time";
import { rescheduleMeeting } from "./reschedule-meeting";
import { respondToMeeting } from "./respond-to-meeting";

type Db = Awaited<ReturnType<typeof testDb>>;
/** Meetings organized by these people (each test has a team of its own in the file's database). */
const meetingCount = async (db: Db, organizers: { id: string }[]) => (await db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.organizerId, organizers.map((o) => o.id)))).length;

describe("scheduling a meeting", () => {
  it("invites the other person: both rows hold the time, the invitee gets a bell and an email with the .ics in both zones, and it is audited", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    await setTimeZone(db, team.student.id, "America/New_York");
    const at = hoursAhead(72);
    const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at, { ...slotFields(at, 45, "Europe/Rome"), assignmentId: team.assignment.id })));

    const meeting = await meetingRow(db, meetingId);
    expect(meeting).toMatchObject({ organizerId: team.teacher.id, assignmentId: team.assignment.id, startsAt: at, endsAt: new Date(at.getTime() + 45 * 60_000), timeZone: "Europe/Rome", status: "scheduled", sequence: 0, version: 1 });
    const during = `["${at.toISOString().replace("T", " ").replace(".000Z", "+00")}","${new Date(at.getTime() + 45 * 60_000).toISOString().replace("T", " ").replace(".000Z", "+00")}")`;
    expect(await participantsOf(db, meetingId)).toEqual([
      expect.objectContaining({ userId: team.teacher.id, role: "organizer", response: "accepted", holdsTime: true, during }),
      expect.objectContaining({ userId: team.student.id, role: "invitee", response: "invited", holdsTime: true, during }),
    ]);

    const [bell] = await bellsOf(db, team.student.id, "meeting.invited");
    expect(bell).toMatchObject({ title: `${team.teacher.name} invited you to “Essay outline review”`, link: `/meetings/${meetingId}`, data: { startsAt: at.toISOString() } });
    // The start is rendered in each reader's zone, never baked into the text.
    expect(renderNotification(bell!, "Asia/Tokyo").body).toContain(`Starts ${formatDateTime(at, "Asia/Tokyo")}.`);
    expect(await bellsOf(db, team.teacher.id, "meeting.invited")).toEqual([]);

    const [mail, ...more] = await meetingMailsTo(db, team.student.id);
    expect(more).toEqual([]);
    expect(mail!.text).toContain(`${formatDateTime(at, "America/New_York")}, your time (${formatDateTime(at, "Europe/Rome")}, ${team.teacher.name}'s time)`);
    expect(mail!.attachments[0]).toMatchObject({ filename: "meeting.ics", contentType: "text/calendar; method=REQUEST" });
    const ics = icsOf(mail!);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${meetingId}@nano-problem`);
    expect(ics).toContain("SEQUENCE:0");
    expect(await meetingMailsTo(db, team.teacher.id)).toEqual([]);

    expect(await auditsOf(db, meetingId)).toEqual([expect.objectContaining({ action: "meeting.created", actorId: team.teacher.id, metadata: expect.objectContaining({ inviteeId: team.student.id, startsAt: at.toISOString() }) })]);
  });

  it("reads the wall-clock start in the organizer's zone across a daylight-saving change, and the email shows it right in both zones", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    await setTimeZone(db, team.student.id, "America/New_York");
    // Europe/Rome moves to summer time on 28 March 2027; New York already did on 14 March.
    const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, new Date(), { startLocal: "2027-03-28T10:00", timeZone: "Europe/Rome", durationMinutes: 60 })));
    const meeting = await meetingRow(db, meetingId);
    expect(meeting.startsAt.toISOString()).toBe("2027-03-28T08:00:00.000Z");
    const [mail] = await meetingMailsTo(db, team.student.id);
    expect(mail!.text).toMatch(/28 Mar 2027, 04:00 EDT, your time \(28 Mar 2027, 10:00 (CEST|GMT\+2), .*'s time\)/);
  });

  it("lets a teacher and a student who share an accepted assignment meet, staff meet anyone, and refuses everyone else without writing anything", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const stranger = await createStudent(db, "Stan Stranger");
    const otherTeacher = await createStaff(db, team.admin, "teacher", "Tess Other");
    const at = (n: number) => hoursAhead(48 + n * 2);

    const refused = [
      // The helper teacher was never accepted on the student's assignment.
      [team.helper, team.student.id, "You can meet only once the teacher has accepted one of the student's assignments"],
      [team.teacher, stranger.id, "You can meet only once the teacher has accepted one of the student's assignments"],
      [team.student, stranger.id, "You can meet the teachers of your assignments, or the students you work for"],
      [team.teacher, otherTeacher.id, "You can meet the teachers of your assignments, or the students you work for"],
      [team.student, team.student.id, "You cannot invite yourself"],
    ] as const;
    for (const [actor, inviteeId, message] of refused) {
      expect(await createMeeting(db, actor, meetingForm(inviteeId, at(0)))).toMatchObject({ ok: false, code: "forbidden", message, fieldErrors: { inviteeId: [message] } });
    }
    const blocked = await createStudent(db, "Bea Blocked");
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, blocked.id));
    expect(await createMeeting(db, team.rep, meetingForm(blocked.id, at(0)))).toMatchObject({ ok: false, code: "forbidden", message: "This person's account is blocked" });
    expect(await createMeeting(db, team.rep, meetingForm("00000000-0000-4000-8000-000000000000", at(0)))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { inviteeId: ["This person was not found"] } });
    // A linked assignment must be one they share.
    expect(await createMeeting(db, team.rep, meetingForm(stranger.id, at(0), { assignmentId: team.assignment.id }))).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { assignmentId: ["The linked assignment is not one this person works on"] } });
    const everyone = [team.student, team.teacher, team.helper, team.rep, team.admin];
    expect(await meetingCount(db, everyone)).toBe(0);

    must(await createMeeting(db, team.student, meetingForm(team.teacher.id, at(1), { assignmentId: team.assignment.id })));
    must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at(2))));
    must(await createMeeting(db, team.rep, meetingForm(stranger.id, at(3))));
    must(await createMeeting(db, team.rep, meetingForm(otherTeacher.id, at(4))));
    must(await createMeeting(db, team.admin, meetingForm(team.rep.id, at(5))));
    expect(await meetingCount(db, everyone)).toBe(5);
  });

  it("refuses a time in the past, inside the minimum notice (staff may override, audited), and durations outside 15–180 minutes", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const soon = new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 60 * 60_000);
    const past = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 60 * 60_000);

    expect(await createMeeting(db, team.teacher, meetingForm(team.student.id, past), now)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { startLocal: ["Pick a time in the future"] } });
    expect(await createMeeting(db, team.rep, meetingForm(team.student.id, past, { override: true }), now)).toMatchObject({ ok: false, fieldErrors: { startLocal: ["Pick a time in the future"] } });
    expect(await createMeeting(db, team.teacher, meetingForm(team.student.id, soon), now)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { startLocal: ["A meeting needs at least 2 hours' notice: pick a later time"] } });
    // Only staff may override; a student ticking it changes nothing.
    expect(await createMeeting(db, team.student, meetingForm(team.teacher.id, soon, { override: true }), now)).toMatchObject({ ok: false, code: "invalid" });
    expect(await createMeeting(db, team.rep, meetingForm(team.student.id, soon), now)).toMatchObject({ ok: false, fieldErrors: { startLocal: ["A meeting needs at least 2 hours' notice: pick a later time, or tick override to book it anyway"] } });
    for (const durationMinutes of [10, 181, "abc"]) {
      expect(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(48), { durationMinutes }), now)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { durationMinutes: [expect.any(String)] } });
    }
    expect(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(48), { startLocal: "2027-02-30T10:00" }), now)).toMatchObject({ ok: false, fieldErrors: { startLocal: ["Pick a date and time that exists"] } });
    expect(await meetingCount(db, [team.teacher, team.rep, team.student])).toBe(0);

    const { meetingId } = must(await createMeeting(db, team.rep, meetingForm(team.student.id, soon, { override: true }), now));
    expect((await auditsOf(db, meetingId)).map((row) => [row.action, row.metadata.rule])).toEqual([
      ["meeting.created", undefined],
      ["meeting.override_notice", "minimum_notice"],
    ]);
    must(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(48), { durationMinutes: 180 }), now));
  });

  it("refuses an overlap for either participant across different meetings, allows back-to-back, and frees the time after a decline or cancel", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const at = hoursAhead(96);
    const halfPast = new Date(at.getTime() + 30 * 60_000);
    const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at)));

    // The invitee's time is taken; then the organizer's own; then the invitee's (a teacher) again.
    expect(await createMeeting(db, team.rep, meetingForm(team.student.id, halfPast))).toEqual({
      ok: false,
      code: "conflict",
      message: `${team.student.name} already has a meeting at that time`,
      fieldErrors: { startLocal: [`${team.student.name} already has a meeting at that time`] },
    });
    const elsewhere = hoursAhead(120);
    must(await createMeeting(db, team.rep, meetingForm(team.admin.id, elsewhere)));
    expect(await createMeeting(db, team.rep, meetingForm(team.student.id, elsewhere))).toMatchObject({ ok: false, code: "conflict", message: "You already have a meeting at that time" });
    expect(await createMeeting(db, team.rep, meetingForm(team.teacher.id, halfPast))).toMatchObject({ ok: false, code: "conflict", message: `${team.teacher.name} already has a meeting at that time` });
    expect(await meetingCount(db, [team.teacher, team.rep])).toBe(2);

    // [start, end): the next meeting may start when this one ends.
    must(await createMeeting(db, team.rep, meetingForm(team.student.id, new Date(at.getTime() + 60 * 60_000))));

    must(await respondToMeeting(db, team.student, meetingId, { answer: "decline", reason: "I have an exam" }));
    const overDecline = must(await createMeeting(db, team.rep, meetingForm(team.student.id, halfPast, { durationMinutes: 30 })));
    // The teacher's time is free too: a declined 1-on-1 does not happen.
    const teacherAgain = must(await createMeeting(db, team.admin, meetingForm(team.teacher.id, at)));
    must(await cancelMeeting(db, team.rep, overDecline.meetingId, { reason: "Sorted by email" }));
    must(await cancelMeeting(db, team.admin, teacherAgain.meetingId, { reason: "Not needed" }));
    must(await createMeeting(db, team.teacher, meetingForm(team.student.id, halfPast, { durationMinutes: 30 })));
  });

  it("answers a third person acting on someone else's meeting, and a malformed id, as not found", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, hoursAhead(72))));
    const before = await meetingRow(db, meetingId);
    const later = slotFields(hoursAhead(100));
    for (const outsider of [team.helper, team.rep, team.admin]) {
      for (const id of [meetingId, "not-a-uuid"]) {
        const attempts = [
          respondToMeeting(db, outsider, id, { answer: "accept" }),
          proposeNewTime(db, outsider, id, later),
          answerProposal(db, outsider, id, { answer: "accept" }),
          rescheduleMeeting(db, outsider, id, { ...later, version: 1, override: true }),
          cancelMeeting(db, outsider, id, { reason: "Mine now", override: true }),
        ];
        for (const result of await Promise.all(attempts)) expect(result).toEqual({ ok: false, code: "not_found", message: "Meeting not found", fieldErrors: {} });
      }
    }
    expect(await meetingRow(db, meetingId)).toEqual(before);
  });
});
