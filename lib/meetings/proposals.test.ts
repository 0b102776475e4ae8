import { describe, expect, it } from "vitest";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { auditsOf, bellsOf, hoursAhead, icsOf, meetingForm, meetingMailsTo, meetingRow, participantsOf, remindersOf, slotFields } from "@/test/meeting-core-fixtures";
import { meetingTeam } from "@/test/meeting-fixtures";
import { createMeeting } from "./create-meeting";
import { answerProposal, proposeNewTime } from "./propose-time";
import { respondToMeeting } from "./respond-to-meeting";

type Db = Awaited<ReturnType<typeof testDb>>;

async function invited(db: Db) {
  const team = await meetingTeam(db);
  const at = hoursAhead(72);
  const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at)));
  return { team, at, meetingId };
}

describe("answering an invitation", () => {
  it("the invitee accepts once; the organizer hears of it", async () => {
    const db = await testDb();
    const { team, meetingId } = await invited(db);
    expect(await respondToMeeting(db, team.teacher, meetingId, { answer: "accept" })).toMatchObject({ ok: false, code: "forbidden", message: "Only the invited person answers the invitation" });
    must(await respondToMeeting(db, team.student, meetingId, { answer: "accept" }));
    expect(await respondToMeeting(db, team.student, meetingId, { answer: "accept" })).toMatchObject({ ok: false, code: "conflict", message: "You have already accepted this meeting" });
    expect((await participantsOf(db, meetingId))[1]).toMatchObject({ response: "accepted", respondedAt: expect.any(Date), holdsTime: true });
    expect(await bellsOf(db, team.teacher.id, "meeting.accepted")).toEqual([expect.objectContaining({ title: `${team.student.name} accepted “Essay outline review”`, link: `/meetings/${meetingId}` })]);
    expect((await meetingRow(db, meetingId)).version).toBe(2);
    // The invitation's bell asked for this answer: it is now resolved.
    expect(await bellsOf(db, team.student.id, "meeting.invited")).toEqual([expect.objectContaining({ taskKey: `meeting:${meetingId}:answer:${team.student.id}`, resolvedAt: expect.any(Date) })]);
  });

  it("a decline needs a reason, frees both people's time, drops the reminders and ends the meeting", async () => {
    const db = await testDb();
    const { team, meetingId } = await invited(db);
    expect(await respondToMeeting(db, team.student, meetingId, { answer: "decline", reason: " " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: ["Give a reason"] } });
    expect(await remindersOf(db, meetingId)).toHaveLength(2);
    must(await respondToMeeting(db, team.student, meetingId, { answer: "decline", reason: "I have an exam then" }));
    expect(await meetingRow(db, meetingId)).toMatchObject({ status: "declined" });
    expect(await participantsOf(db, meetingId)).toEqual([
      expect.objectContaining({ role: "organizer", response: "accepted", holdsTime: false }),
      expect.objectContaining({ role: "invitee", response: "declined", responseNote: "I have an exam then", holdsTime: false }),
    ]);
    expect(await remindersOf(db, meetingId)).toEqual([]);
    expect(await bellsOf(db, team.teacher.id, "meeting.declined")).toEqual([expect.objectContaining({ body: "I have an exam then" })]);
    expect(await respondToMeeting(db, team.student, meetingId, { answer: "accept" })).toMatchObject({ ok: false, code: "conflict", message: "This meeting was declined" });
  });
});

describe("proposing another time", () => {
  it("the invitee proposes, the organizer accepts: the meeting moves there, both have accepted, calendars get SEQUENCE 1, reminders move", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await invited(db);
    const proposed = hoursAhead(100);

    expect(await proposeNewTime(db, team.teacher, meetingId, slotFields(proposed))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await proposeNewTime(db, team.student, meetingId, slotFields(at))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { startLocal: ["That is the meeting's current time"] } });
    must(await proposeNewTime(db, team.student, meetingId, { ...slotFields(proposed, 30, "Asia/Kolkata"), note: "Mornings suit me better" }));
    expect(await meetingRow(db, meetingId)).toMatchObject({ startsAt: at, proposedStartsAt: proposed, proposedEndsAt: new Date(proposed.getTime() + 30 * 60_000), proposedBy: team.student.id, proposalNote: "Mornings suit me better", sequence: 0 });
    // A proposal holds no one's time until accepted.
    expect((await participantsOf(db, meetingId)).map((row) => row.during)).toEqual([expect.stringContaining(at.toISOString().slice(0, 10)), expect.stringContaining(at.toISOString().slice(0, 10))]);
    expect(await bellsOf(db, team.teacher.id, "meeting.proposed")).toEqual([expect.objectContaining({ body: "Mornings suit me better", data: { startsAt: proposed.toISOString() } })]);

    expect(await answerProposal(db, team.student, meetingId, { answer: "accept" })).toMatchObject({ ok: false, code: "forbidden", message: "Only the organizer answers a proposed time" });
    must(await answerProposal(db, team.teacher, meetingId, { answer: "accept" }));
    const moved = await meetingRow(db, meetingId);
    expect(moved).toMatchObject({ startsAt: proposed, endsAt: new Date(proposed.getTime() + 30 * 60_000), proposedStartsAt: null, proposedBy: null, sequence: 1, status: "scheduled" });
    const people = await participantsOf(db, meetingId);
    expect(people.map((row) => [row.response, row.holdsTime, row.during.includes(proposed.toISOString().slice(0, 10))])).toEqual([
      ["accepted", true, true],
      ["accepted", true, true],
    ]);
    expect((await remindersOf(db, meetingId)).map((row) => row.dueAt)).toEqual([new Date(proposed.getTime() - 24 * 3_600_000), new Date(proposed.getTime() - 15 * 60_000)]);
    expect(await bellsOf(db, team.student.id, "meeting.proposal_accepted")).toHaveLength(1);
    const mails = await meetingMailsTo(db, team.student.id);
    expect(mails).toHaveLength(2);
    const ics = icsOf(mails[1]!);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("METHOD:REQUEST");
    expect((await auditsOf(db, meetingId)).map((row) => row.action)).toEqual(["meeting.created", "meeting.rescheduled"]);
    expect(await answerProposal(db, team.teacher, meetingId, { answer: "accept" })).toMatchObject({ ok: false, code: "conflict", message: "There is no proposed time to answer" });
    expect(await bellsOf(db, team.teacher.id, "meeting.proposed")).toEqual([expect.objectContaining({ taskKey: `meeting:${meetingId}:proposal`, resolvedAt: expect.any(Date) })]);
    expect((await bellsOf(db, team.student.id, "meeting.invited"))[0]!.resolvedAt).toEqual(expect.any(Date));
  });

  it("the organizer declines: the proposal is cleared and the time stays", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await invited(db);
    must(await proposeNewTime(db, team.student, meetingId, slotFields(hoursAhead(90))));
    must(await answerProposal(db, team.teacher, meetingId, { answer: "decline" }));
    expect(await meetingRow(db, meetingId)).toMatchObject({ startsAt: at, proposedStartsAt: null, sequence: 0, version: 3 });
    expect(await bellsOf(db, team.student.id, "meeting.proposal_declined")).toEqual([expect.objectContaining({ title: `${team.teacher.name} kept the original time for “Essay outline review”` })]);
  });

  it("refuses a proposal inside the notice, and accepting one whose time has since been taken, changing nothing", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await invited(db);
    const now = new Date();
    expect(await proposeNewTime(db, team.student, meetingId, slotFields(new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + 30 * 60_000)), now)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { startLocal: [expect.stringContaining("notice")] } });

    const proposed = hoursAhead(110);
    must(await proposeNewTime(db, team.student, meetingId, slotFields(proposed)));
    // Meanwhile the teacher books that time with someone else.
    must(await createMeeting(db, team.rep, meetingForm(team.teacher.id, proposed)));
    const before = await meetingRow(db, meetingId);
    expect(await answerProposal(db, team.teacher, meetingId, { answer: "accept" })).toMatchObject({ ok: false, code: "conflict", message: "You already have a meeting at that time" });
    expect(await meetingRow(db, meetingId)).toEqual(before);
    expect(before.startsAt).toEqual(at);
  });
});
