import { describe, expect, it } from "vitest";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { auditsOf, bellsOf, hoursAhead, icsOf, meetingForm, meetingMailsTo, meetingRow, participantsOf, remindersOf, slotFields } from "@/test/meeting-core-fixtures";
import { meetingTeam } from "@/test/meeting-fixtures";
import { cancelMeeting } from "./cancel-meeting";
import { createMeeting } from "./create-meeting";
import { rescheduleMeeting } from "./reschedule-meeting";
import { respondToMeeting } from "./respond-to-meeting";

type Db = Awaited<ReturnType<typeof testDb>>;
const hour = 3_600_000;

async function accepted(db: Db, organizer: "teacher" | "rep" = "teacher") {
  const team = await meetingTeam(db);
  const at = hoursAhead(72);
  const { meetingId } = must(await createMeeting(db, team[organizer], meetingForm(team.student.id, at)));
  must(await respondToMeeting(db, team.student, meetingId, { answer: "accept" }));
  return { team, at, meetingId };
}

describe("rescheduling", () => {
  it("moves both people's time, asks the other to accept again, raises SEQUENCE and version, and refuses a stale form", async () => {
    const db = await testDb();
    const { team, meetingId } = await accepted(db);
    const to = hoursAhead(80);
    const before = await meetingRow(db, meetingId);
    must(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(to, 30, "Europe/Rome"), version: before.version }));

    const after = await meetingRow(db, meetingId);
    expect(after).toMatchObject({ startsAt: to, endsAt: new Date(to.getTime() + 30 * 60_000), timeZone: "Europe/Rome", sequence: before.sequence + 1, version: before.version + 1, status: "scheduled" });
    expect((await participantsOf(db, meetingId)).map((row) => [row.role, row.response, row.respondedAt === null, row.holdsTime])).toEqual([
      ["organizer", "accepted", false, true],
      ["invitee", "invited", true, true],
    ]);
    expect((await participantsOf(db, meetingId)).every((row) => row.during.includes(to.toISOString().slice(11, 16)))).toBe(true);
    expect(await bellsOf(db, team.student.id, "meeting.rescheduled")).toEqual([expect.objectContaining({ title: `${team.teacher.name} moved “Essay outline review”`, data: { startsAt: to.toISOString() } })]);
    const mail = (await meetingMailsTo(db, team.student.id)).at(-1)!;
    expect(mail.text).toContain("please answer again");
    expect(icsOf(mail)).toContain("METHOD:REQUEST");
    expect(icsOf(mail)).toContain("SEQUENCE:1");
    expect(await auditsOf(db, meetingId)).toEqual([
      expect.objectContaining({ action: "meeting.created" }),
      expect.objectContaining({ action: "meeting.rescheduled", metadata: expect.objectContaining({ from: before.startsAt.toISOString(), to: to.toISOString(), sequence: 1 }) }),
    ]);

    // The student's form was rendered before the move.
    expect(await rescheduleMeeting(db, team.student, meetingId, { ...slotFields(hoursAhead(90)), version: before.version })).toEqual({
      ok: false,
      code: "conflict",
      message: "This meeting changed since you opened it. Reload the page to see it as it is now",
      fieldErrors: {},
    });
    expect(await meetingRow(db, meetingId)).toEqual(after);
  });

  it("by the invitee: the organizer must accept the new time again, and the organizer's zone is kept", async () => {
    const db = await testDb();
    const { team, meetingId } = await accepted(db);
    const { version } = await meetingRow(db, meetingId);
    must(await rescheduleMeeting(db, team.student, meetingId, { ...slotFields(hoursAhead(84), 60, "Asia/Tokyo"), version }));
    expect(await meetingRow(db, meetingId)).toMatchObject({ timeZone: "UTC", sequence: 1 });
    expect((await participantsOf(db, meetingId)).map((row) => row.response)).toEqual(["invited", "accepted"]);
    expect(await bellsOf(db, team.teacher.id, "meeting.rescheduled")).toHaveLength(1);
    expect(await respondToMeeting(db, team.teacher, meetingId, { answer: "decline", reason: "No" })).toMatchObject({ ok: false, code: "forbidden" });
    must(await respondToMeeting(db, team.teacher, meetingId, { answer: "accept" }));
    expect((await participantsOf(db, meetingId)).map((row) => row.response)).toEqual(["accepted", "accepted"]);
  });

  it("refuses a move onto either person's other meeting, or inside the notice, and changes nothing", async () => {
    const db = await testDb();
    const { team, meetingId } = await accepted(db);
    const busy = hoursAhead(90);
    must(await createMeeting(db, team.rep, meetingForm(team.student.id, busy)));
    const before = await meetingRow(db, meetingId);
    expect(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(busy), version: before.version })).toMatchObject({ ok: false, code: "conflict", message: `${team.student.name} already has a meeting at that time` });
    const now = new Date();
    const soon = new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 60 * 60_000);
    expect(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(soon), version: before.version }, now)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { startLocal: [expect.stringContaining("notice")] } });
    expect(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(before.startsAt), version: before.version })).toMatchObject({ ok: false, code: "invalid" });
    expect(await meetingRow(db, meetingId)).toEqual(before);
    expect((await participantsOf(db, meetingId)).map((row) => row.response)).toEqual(["accepted", "accepted"]);
  });
});

describe("cancelling", () => {
  it("frees both people's time, drops the reminders, sends METHOD:CANCEL to the other, and is audited; it cannot change again", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await accepted(db);
    expect(await cancelMeeting(db, team.student, meetingId, {})).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: [expect.any(String)] } });
    must(await cancelMeeting(db, team.student, meetingId, { reason: "Clash with a lecture" }));

    expect(await meetingRow(db, meetingId)).toMatchObject({ status: "cancelled", cancelReason: "Clash with a lecture", cancelledBy: team.student.id, cancelledAt: expect.any(Date), sequence: 1 });
    expect((await participantsOf(db, meetingId)).map((row) => row.holdsTime)).toEqual([false, false]);
    expect(await remindersOf(db, meetingId)).toEqual([]);
    expect(await bellsOf(db, team.teacher.id, "meeting.cancelled")).toEqual([expect.objectContaining({ body: "Clash with a lecture" })]);
    const [mail] = await meetingMailsTo(db, team.teacher.id);
    expect(mail!.attachments[0]!.contentType).toBe("text/calendar; method=CANCEL");
    expect(mail!.text).toContain("Reason: Clash with a lecture");
    const ics = icsOf(mail!);
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain(`UID:${meetingId}@nano-problem`);
    expect(ics).toContain("SEQUENCE:1");
    expect(await auditsOf(db, meetingId)).toEqual([expect.objectContaining({ action: "meeting.created" }), expect.objectContaining({ action: "meeting.cancelled", actorId: team.student.id, metadata: expect.objectContaining({ reason: "Clash with a lecture" }) })]);

    expect(await cancelMeeting(db, team.teacher, meetingId, { reason: "Again" })).toMatchObject({ ok: false, code: "conflict", message: "This meeting was cancelled" });
    expect(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(hoursAhead(100)), version: 3 })).toMatchObject({ ok: false, code: "conflict", message: "This meeting was cancelled" });
    // Its time is free again for both.
    must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at)));
  });

  it("a meeting that has started can no longer be answered or changed", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await accepted(db);
    const during = new Date(at.getTime() + 10 * 60_000);
    expect(await cancelMeeting(db, team.teacher, meetingId, { reason: "Too late" }, during)).toMatchObject({ ok: false, code: "conflict", message: "This meeting has already started" });
    expect(await respondToMeeting(db, team.student, meetingId, { answer: "decline", reason: "Too late" }, during)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("the student change window", () => {
  it("a student cannot cancel or reschedule inside it; a teacher can", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await accepted(db);
    const inside = new Date(at.getTime() - 6 * hour);
    const { version } = await meetingRow(db, meetingId);
    const refusal = { ok: false, code: "forbidden", message: `Less than 12 hours before the start you can no longer cancel or reschedule this meeting. Write to ${team.teacher.name} or to support instead` };
    expect(await cancelMeeting(db, team.student, meetingId, { reason: "Sick", override: true }, inside)).toMatchObject(refusal);
    expect(await rescheduleMeeting(db, team.student, meetingId, { ...slotFields(hoursAhead(100)), version }, inside)).toMatchObject(refusal);
    expect(await meetingRow(db, meetingId)).toMatchObject({ status: "scheduled", version });

    // Just outside the window the student may.
    const outside = new Date(at.getTime() - 13 * hour);
    must(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(new Date(at.getTime() + 2 * hour)), version }, inside));
    const moved = await meetingRow(db, meetingId);
    must(await rescheduleMeeting(db, team.student, meetingId, { ...slotFields(at), version: moved.version }, outside));
    must(await cancelMeeting(db, team.teacher, meetingId, { reason: "Teacher unwell" }, inside));
    expect((await auditsOf(db, meetingId)).map((row) => row.action)).toEqual(["meeting.created", "meeting.rescheduled", "meeting.rescheduled", "meeting.cancelled"]);
  });

  it("staff in a meeting with a student need the override inside it, and the override is audited", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await accepted(db, "rep");
    const inside = new Date(at.getTime() - 2 * hour);
    const { version } = await meetingRow(db, meetingId);
    expect(await rescheduleMeeting(db, team.rep, meetingId, { ...slotFields(hoursAhead(100)), version }, inside)).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { override: [expect.stringContaining("tick override")] } });
    expect(await cancelMeeting(db, team.rep, meetingId, { reason: "Rep away" }, inside)).toMatchObject({ ok: false, code: "forbidden" });

    // Moved to 30 minutes after `inside`: inside the notice too, so both overrides are recorded.
    const close = new Date(inside.getTime() + 30 * 60_000);
    must(await rescheduleMeeting(db, team.rep, meetingId, { ...slotFields(close), version, override: "on" }, inside));
    must(await cancelMeeting(db, team.rep, meetingId, { reason: "Rep away", override: true }, inside));
    const audits = await auditsOf(db, meetingId);
    expect(audits.map((row) => [row.action, row.metadata.rule, row.metadata.change])).toEqual([
      ["meeting.created", undefined, undefined],
      ["meeting.rescheduled", undefined, undefined],
      ["meeting.override_student_window", "student_change_window", "reschedule"],
      ["meeting.override_notice", "minimum_notice", "reschedule"],
      ["meeting.cancelled", undefined, undefined],
      ["meeting.override_student_window", "student_change_window", "cancel"],
    ]);
    expect(audits.every((row) => row.actorId === team.rep.id)).toBe(true);
  });
});
