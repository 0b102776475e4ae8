import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mailOutbox, notifications, threadParticipants, threads } from "@/db/schema";
import { removeHelper } from "@/lib/assignments/remove-helper";
import { respondToOffer } from "@/lib/assignments/respond-to-offer";
import type { Actor } from "@/lib/auth/actor";
import { emailKindsForRole } from "@/lib/notifications/email-kinds";
import { updateEmailPreferences } from "@/lib/notifications/email-preferences";
import { taskKeys } from "@/lib/notifications/task-keys";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { markThreadRead } from "./mark-read";
import { sendMessage } from "./send-message";
import { startThread } from "./start-thread";
import { BELL_DELAY_SECONDS, EMAIL_DELAY_SECONDS, sendUnreadReminder, THREAD_UNREAD_QUEUE, type UnreadReminder } from "./unread-reminders";

// No job queue runs in tests: the jobs a send schedules are recorded here and run by hand, as the worker would.
const scheduled = vi.hoisted(() => [] as { name: string; data: UnreadReminder; startAfter: unknown }[]);
vi.mock("@/lib/jobs/enqueue", () => ({
  enqueueInTransaction: async (_tx: unknown, name: string, data: UnreadReminder, options: { startAfter?: unknown } = {}) => {
    scheduled.push({ name, data, startAfter: options.startAfter });
    return null;
  },
}));
vi.mock("@/lib/jobs/runner", async (importOriginal) => ({ ...(await importOriginal<object>()), runningJobs: () => ({}) }));

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body });
const remindersFor = (userId: string, stage?: "bell" | "email") => scheduled.filter((job) => job.name === THREAD_UNREAD_QUEUE && job.data.userId === userId && (!stage || job.data.stage === stage));
const bells = (db: Db, userId: string) => db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, "thread.message")));
const mails = (db: Db, userId: string) => db.select().from(mailOutbox).where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.kind, "notification:thread_message")));
const reminder = (threadId: string, userId: string, stage: "bell" | "email", seq: number): UnreadReminder => ({ threadId, userId, stage, seq, authorName: "Carla Rep", preview: "A preview" });

beforeEach(() => {
  scheduled.length = 0;
});

async function directThread(db: Db, subject = "Your refund") {
  const team = await createTeam(db);
  const { threadId } = must(await startThread(db, team.rep, { recipientIds: [team.student.id, team.admin.id], subject, body: "Your refund is on its way", clientMessageId: randomUUID() }));
  return { team, threadId };
}

describe("the bell for unread messages", () => {
  it("rings once per thread while unread, clears when read, and rings again for the next message", async () => {
    const db = await testDb();
    const { team, threadId } = await directThread(db);
    const { student, rep } = team;
    // The first unread message schedules a bell soon and an email later; the next ones in the run schedule nothing.
    expect(remindersFor(student.id).map((job) => [job.data.stage, job.data.seq, job.startAfter])).toEqual([
      ["bell", 1, BELL_DELAY_SECONDS],
      ["email", 1, EMAIL_DELAY_SECONDS],
    ]);
    expect(remindersFor(rep.id)).toEqual([]);
    must(await send(db, rep, threadId, "Second"));
    must(await send(db, rep, threadId, "Third"));
    expect(remindersFor(student.id)).toHaveLength(2);

    await sendUnreadReminder(db, remindersFor(student.id, "bell")[0]!.data);
    const [bell, ...more] = await bells(db, student.id);
    expect(more).toEqual([]);
    expect(bell).toMatchObject({ title: `${rep.name} wrote in “Your refund”`, body: "Your refund is on its way", link: `/messages/${threadId}`, taskKey: taskKeys.readThread(threadId, student.id), resolvedAt: null });
    // A second reminder while the first is unresolved (a retried job, a later message) adds nothing.
    await sendUnreadReminder(db, reminder(threadId, student.id, "bell", 3));
    expect(await bells(db, student.id)).toHaveLength(1);

    must(await markThreadRead(db, student, { threadId, seq: 2 }));
    expect((await bells(db, student.id))[0]!.resolvedAt).toBeNull();
    must(await markThreadRead(db, student, { threadId, seq: 3 }));
    expect((await bells(db, student.id))[0]).toMatchObject({ resolvedAt: expect.any(Date), readAt: expect.any(Date) });

    // Caught up: the next message starts a new run.
    scheduled.length = 0;
    must(await send(db, rep, threadId, "Fourth"));
    expect(remindersFor(student.id).map((job) => [job.data.stage, job.data.seq])).toEqual([
      ["bell", 4],
      ["email", 4],
    ]);
    await sendUnreadReminder(db, remindersFor(student.id, "bell")[0]!.data);
    const all = await bells(db, student.id);
    expect(all).toHaveLength(2);
    expect(all.filter((row) => row.resolvedAt === null)).toHaveLength(1);
  });

  it("does not ring for someone who already read it, muted the thread, or left it", async () => {
    const db = await testDb();
    const { team, threadId } = await directThread(db);
    must(await markThreadRead(db, team.student, { threadId, seq: 1 }));
    await sendUnreadReminder(db, reminder(threadId, team.student.id, "bell", 1));
    await sendUnreadReminder(db, reminder(threadId, team.student.id, "email", 1));
    expect(await bells(db, team.student.id)).toEqual([]);
    expect(await mails(db, team.student.id)).toEqual([]);

    await db.update(threadParticipants).set({ muted: true }).where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, team.admin.id)));
    scheduled.length = 0;
    must(await send(db, team.rep, threadId, "For the muted admin"));
    must(await markThreadRead(db, team.admin, { threadId, seq: 1 }));
    must(await send(db, team.rep, threadId, "Still muted"));
    expect(remindersFor(team.admin.id)).toEqual([]);
    await sendUnreadReminder(db, reminder(threadId, team.admin.id, "bell", 3));
    await sendUnreadReminder(db, reminder(threadId, team.admin.id, "email", 3));
    expect(await bells(db, team.admin.id)).toEqual([]);
    expect(await mails(db, team.admin.id)).toEqual([]);

    // A helper removed before the reminder runs hears nothing of the thread.
    const { id } = await assignmentIn(db, team, "in_progress", { helper: true });
    must(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "accept" }));
    const [assignmentThread] = await db.select({ id: threads.id }).from(threads).where(eq(threads.assignmentId, id));
    scheduled.length = 0;
    must(await send(db, team.teacher, assignmentThread!.id, "Helper, please check section 2"));
    const pending = remindersFor(team.helper.id);
    expect(pending.map((job) => job.data.stage)).toEqual(["bell", "email"]);
    must(await removeHelper(db, team.rep, { ...(await ref(db, id)), teacherId: team.helper.id }));
    for (const job of pending) await sendUnreadReminder(db, job.data);
    expect(await bells(db, team.helper.id)).toEqual([]);
    expect(await mails(db, team.helper.id)).toEqual([]);
    // A reminder for someone who is not in the thread does nothing.
    await sendUnreadReminder(db, reminder(threadId, team.teacher.id, "bell", 1));
    expect(await bells(db, team.teacher.id)).toEqual([]);
  });
});

describe("the email for unread messages", () => {
  it("queues one thread_message email per unread run, unless the person turned that email off", async () => {
    const db = await testDb();
    const { team, threadId } = await directThread(db, "Exam dates");
    const { student, admin, rep } = team;
    await sendUnreadReminder(db, remindersFor(student.id, "email")[0]!.data);
    const [mail, ...more] = await mails(db, student.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: student.email, kind: "notification:thread_message", status: "queued" });
    expect(mail!.subject).toContain(`${rep.name} wrote in “Exam dates”`);
    expect(mail!.text).toContain("Your refund is on its way");
    expect(mail!.text).toContain(`/messages/${threadId}`);

    // More messages in the same run schedule no second email.
    scheduled.length = 0;
    must(await send(db, rep, threadId, "Also: bring a calculator"));
    expect(remindersFor(student.id, "email")).toEqual([]);

    // The admin turned thread emails off: the email stage queues nothing, the bell still rings.
    const otherKinds = emailKindsForRole("admin").filter((kind) => kind !== "thread_message");
    must(await updateEmailPreferences(db, admin, { email: otherKinds }));
    await sendUnreadReminder(db, reminder(threadId, admin.id, "email", 2));
    await sendUnreadReminder(db, reminder(threadId, admin.id, "bell", 2));
    expect(await mails(db, admin.id)).toEqual([]);
    expect(await bells(db, admin.id)).toHaveLength(1);
  });
});
