import { eq, sql } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { meetingReminders, meetings } from "@/db/schema";
import { startJobs, stopJobs } from "@/lib/jobs/runner";
import { renderNotification } from "@/lib/notifications/render";
import { formatDateTime } from "@/lib/time/format";
import { must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { bellsOf, hoursAhead, meetingForm, meetingMailsTo, meetingRow, remindersOf, slotFields } from "@/test/meeting-core-fixtures";
import { meetingTeam } from "@/test/meeting-fixtures";
import { cancelMeeting } from "./cancel-meeting";
import { createMeeting } from "./create-meeting";
import { MEETING_REMINDER, meetingReminderJob, scheduleMeetingReminders, sendMeetingReminder, sweepUnqueuedReminders } from "./reminders";
import { rescheduleMeeting } from "./reschedule-meeting";
import { respondToMeeting } from "./respond-to-meeting";

type Db = Awaited<ReturnType<typeof testDb>>;
const hour = 3_600_000;

const urlOf = (db: Database) => (db as unknown as { $client: pg.Pool }).$client.options.connectionString!;

async function jobsOf(db: Db, ids: (string | null)[]) {
  const known = ids.filter((id): id is string => id !== null);
  if (known.length === 0) return [];
  const result = await db.execute<{ id: string; name: string; start_after: string; data: { reminderId: string } }>(
    sql`select id, name, start_after, data from pgboss.job where id in (${sql.join(known.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return result.rows.map((row) => ({ ...row, start_after: new Date(row.start_after) }));
}

async function scheduled(db: Db, hoursFromNow = 72) {
  const team = await meetingTeam(db);
  const at = hoursAhead(hoursFromNow);
  const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at)));
  return { team, at, meetingId };
}

// The queue runs in this process only to take jobs (work: false); the tests call the handler themselves.
beforeAll(async () => {
  const db = await testDb();
  await startJobs({ connectionString: urlOf(db), definitions: [meetingReminderJob(db)], work: false });
});
afterAll(() => stopJobs({ timeoutMs: 2000 }));

describe("meeting reminders", () => {
  it("are scheduled once per meeting: a day and a quarter of an hour before, each with a pg-boss job due then", async () => {
    const db = await testDb();
    const { at, meetingId } = await scheduled(db);
    const rows = await remindersOf(db, meetingId);
    expect(rows.map((row) => [row.kind, row.dueAt, row.sentAt])).toEqual([
      ["day_before", new Date(at.getTime() - 24 * hour), null],
      ["quarter_hour", new Date(at.getTime() - 15 * 60_000), null],
    ]);
    const jobs = await jobsOf(db, rows.map((row) => row.jobId));
    expect(jobs).toHaveLength(2);
    for (const row of rows) expect(jobs.find((job) => job.id === row.jobId)).toMatchObject({ name: MEETING_REMINDER, start_after: row.dueAt, data: { reminderId: row.id } });

    // Scheduling again (a retried step) adds nothing.
    await db.transaction(async (tx) => scheduleMeetingReminders(tx, await meetingRow(db, meetingId)));
    expect(await remindersOf(db, meetingId)).toEqual(rows);
  });

  it("skip the ones already past: a meeting in three hours gets only the quarter-hour reminder", async () => {
    const db = await testDb();
    const { at, meetingId } = await scheduled(db, 3);
    expect((await remindersOf(db, meetingId)).map((row) => [row.kind, row.dueAt])).toEqual([["quarter_hour", new Date(at.getTime() - 15 * 60_000)]]);
  });

  it("move with a reschedule (the old rows and jobs go), and are removed by a cancel or a decline", async () => {
    const db = await testDb();
    const { team, meetingId } = await scheduled(db);
    const old = await remindersOf(db, meetingId);
    const to = hoursAhead(100);
    must(await rescheduleMeeting(db, team.teacher, meetingId, { ...slotFields(to), version: 1 }));
    const moved = await remindersOf(db, meetingId);
    expect(moved.map((row) => row.dueAt)).toEqual([new Date(to.getTime() - 24 * hour), new Date(to.getTime() - 15 * 60_000)]);
    expect(moved.some((row) => old.some((before) => before.id === row.id))).toBe(false);
    expect(await jobsOf(db, old.map((row) => row.jobId))).toEqual([]);
    expect(await jobsOf(db, moved.map((row) => row.jobId))).toHaveLength(2);

    must(await cancelMeeting(db, team.teacher, meetingId, { reason: "Not needed" }));
    expect(await remindersOf(db, meetingId)).toEqual([]);
    expect(await jobsOf(db, moved.map((row) => row.jobId))).toEqual([]);

    const declined = await scheduled(db, 120);
    expect(await remindersOf(db, declined.meetingId)).toHaveLength(2);
    must(await respondToMeeting(db, declined.team.student, declined.meetingId, { answer: "decline", reason: "Busy" }));
    expect(await remindersOf(db, declined.meetingId)).toEqual([]);
  });

  it("ring once for both participants, with the start in each reader's zone, even when the job runs several times at once", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await scheduled(db);
    const [dayBefore] = await remindersOf(db, meetingId);
    const job = meetingReminderJob(db);
    const run = () => job.handle({ id: dayBefore!.jobId ?? "x", name: MEETING_REMINDER, data: { reminderId: dayBefore!.id } } as Parameters<typeof job.handle>[0]);
    await Promise.all([run(), run(), run(), run()]);
    await run();

    const [studentBell, ...more] = await bellsOf(db, team.student.id, "meeting.reminder");
    expect(more).toEqual([]);
    expect(studentBell).toMatchObject({ title: `Tomorrow: “Essay outline review” with ${team.teacher.name}`, link: `/meetings/${meetingId}`, data: { startsAt: at.toISOString() } });
    expect(renderNotification(studentBell!, "America/Los_Angeles").body).toBe(`Starts ${formatDateTime(at, "America/Los_Angeles")}.`);
    expect(await bellsOf(db, team.teacher.id, "meeting.reminder")).toEqual([expect.objectContaining({ title: `Tomorrow: “Essay outline review” with ${team.student.name}` })]);
    expect((await remindersOf(db, meetingId))[0]!.sentAt).toEqual(expect.any(Date));
    // Reminders are emailed too (as a meeting email) to people who want them.
    expect((await meetingMailsTo(db, team.student.id)).map((mail) => mail.subject)).toContain(`Tomorrow: “Essay outline review” with ${team.teacher.name}`);
  });

  it("ring nothing for a row that is gone, a cancelled meeting, a start that moved under them, or a participant who declined", async () => {
    const db = await testDb();
    const { team, at, meetingId } = await scheduled(db);
    const [dayBefore, quarter] = await remindersOf(db, meetingId);
    expect(await sendMeetingReminder(db, "00000000-0000-4000-8000-000000000000")).toEqual([]);

    // The start changed without the reminders being moved (a stale row): its due time no longer matches.
    await db.update(meetings).set({ startsAt: new Date(at.getTime() + hour), endsAt: new Date(at.getTime() + 2 * hour) }).where(eq(meetings.id, meetingId));
    expect(await sendMeetingReminder(db, dayBefore!.id)).toEqual([]);
    await db.update(meetings).set({ startsAt: at, endsAt: new Date(at.getTime() + hour), status: "cancelled" }).where(eq(meetings.id, meetingId));
    expect(await sendMeetingReminder(db, quarter!.id)).toEqual([]);
    expect(await bellsOf(db, team.student.id, "meeting.reminder")).toEqual([]);
    expect((await remindersOf(db, meetingId)).every((row) => row.sentAt === null)).toBe(true);

    // A meeting the invitee has declined does not happen: nobody is reminded.
    const other = await scheduled(db, 120);
    const [row] = await remindersOf(db, other.meetingId);
    must(await respondToMeeting(db, other.team.student, other.meetingId, { answer: "decline", reason: "Busy" }));
    expect(await db.select().from(meetingReminders).where(eq(meetingReminders.id, row!.id))).toEqual([]);
    expect(await sendMeetingReminder(db, row!.id)).toEqual([]);
    expect(await meetingRow(db, other.meetingId)).toMatchObject({ status: "declined" });
  });
});

describe("reminders written without a job", () => {
  it("get one from the sweep (once), due at the reminder's time", async () => {
    const db = await testDb();
    const { meetingId } = await scheduled(db, 150);
    // As if written by a process whose queue was not running.
    const original = (await remindersOf(db, meetingId)).map((row) => row.jobId!);
    await db.update(meetingReminders).set({ jobId: null }).where(eq(meetingReminders.meetingId, meetingId));
    const sweep = sweepUnqueuedReminders(db, { olderThanSeconds: 0 });
    await Promise.all([sweep.run(), sweep.run()]);
    const rows = await remindersOf(db, meetingId);
    expect(rows.every((row) => row.jobId !== null)).toBe(true);
    const jobs = await jobsOf(db, rows.map((row) => row.jobId));
    expect(jobs.map((job) => job.start_after).sort((a, b) => a.getTime() - b.getTime())).toEqual(rows.map((row) => row.dueAt));
    // Two sweeps at once added one job per reminder.
    const added = await db.execute<{ id: string }>(sql`select id from pgboss.job where name = ${MEETING_REMINDER} and data->>'reminderId' in (${sql.join(rows.map((row) => sql`${row.id}`), sql`, `)})`);
    expect(added.rows.filter((job) => !original.includes(job.id))).toHaveLength(2);
  });
});

describe("the reminder job in a worker", () => {
  it("runs when due and rings the quarter-hour reminder once", async () => {
    const db = await testDb();
    await stopJobs({ timeoutMs: 2000 });
    await startJobs({ connectionString: urlOf(db), definitions: [meetingReminderJob(db)], pollingIntervalSeconds: 0.5 });
    const team = await meetingTeam(db);
    // Booked three hours ago for ten minutes from now: the quarter-hour reminder is already due.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
    const bookedAt = new Date(at.getTime() - 3 * hour);
    const { meetingId } = must(await createMeeting(db, team.teacher, meetingForm(team.student.id, at), bookedAt));
    expect((await remindersOf(db, meetingId)).map((row) => row.kind)).toEqual(["quarter_hour"]);
    const deadline = Date.now() + 15_000;
    while ((await bellsOf(db, team.student.id, "meeting.reminder")).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await bellsOf(db, team.student.id, "meeting.reminder")).toEqual([expect.objectContaining({ title: `In 15 minutes: “Essay outline review” with ${team.teacher.name}` })]);
    expect(await bellsOf(db, team.teacher.id, "meeting.reminder")).toHaveLength(1);
  });
});
