import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
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
import { BELL_DELAY_SECONDS, EMAIL_DELAY_SECONDS, sendDueReminders } from "./unread-reminders";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body });
const bells = (db: Db, userId: string) => db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, "thread.message")));
const mails = (db: Db, userId: string) => db.select().from(mailOutbox).where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.kind, "notification:thread_message")));
/** The sweep as it runs `seconds` from now. */
const sweepIn = (db: Db, seconds: number) => sendDueReminders(db, new Date(Date.now() + seconds * 1000));
const afterBell = BELL_DELAY_SECONDS + 1;
const afterEmail = EMAIL_DELAY_SECONDS + 1;

async function directThread(db: Db, subject = "Your refund") {
  const team = await createTeam(db);
  const { threadId } = must(await startThread(db, team.rep, { recipientIds: [team.student.id, team.admin.id], subject, body: "Your refund is on its way", clientMessageId: randomUUID() }));
  return { team, threadId };
}

describe("the bell for unread messages", () => {
  it("rings once per thread while unread, quoting the first unread message, clears when read, and rings again for the next run", async () => {
    const db = await testDb();
    const { team, threadId } = await directThread(db);
    const { student, rep } = team;
    // Someone looking at the thread reads it within the delay: nothing is due yet.
    await sweepIn(db, 0);
    expect(await bells(db, student.id)).toEqual([]);
    must(await send(db, rep, threadId, "Second"));
    must(await send(db, rep, threadId, "Third"));

    await sweepIn(db, afterBell);
    const [bell, ...more] = await bells(db, student.id);
    expect(more).toEqual([]);
    expect(bell).toMatchObject({ title: `${rep.name} wrote in “Your refund”`, body: "Your refund is on its way", link: `/messages/${threadId}`, taskKey: taskKeys.readThread(threadId, student.id), resolvedAt: null });
    // The author hears nothing of their own messages; a later sweep in the same run adds nothing.
    expect(await bells(db, rep.id)).toEqual([]);
    await sweepIn(db, afterBell * 2);
    expect(await bells(db, student.id)).toHaveLength(1);

    must(await markThreadRead(db, student, { threadId, seq: 2 }));
    expect((await bells(db, student.id))[0]!.resolvedAt).toBeNull();
    must(await markThreadRead(db, student, { threadId, seq: 3 }));
    expect((await bells(db, student.id))[0]).toMatchObject({ resolvedAt: expect.any(Date), readAt: expect.any(Date) });

    // Caught up: the next message starts a new run, which rings once more.
    must(await send(db, rep, threadId, "Fourth"));
    await sweepIn(db, afterBell);
    const all = await bells(db, student.id);
    expect(all).toHaveLength(2);
    expect(all.filter((row) => row.resolvedAt === null)).toMatchObject([{ body: "Fourth" }]);
  });

  it("does not ring or email someone who already read it, muted the thread, or left it", async () => {
    const db = await testDb();
    const { team, threadId } = await directThread(db);
    must(await markThreadRead(db, team.student, { threadId, seq: 1 }));

    await db.update(threadParticipants).set({ muted: true }).where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, team.admin.id)));
    must(await send(db, team.rep, threadId, "For the muted admin"));
    must(await markThreadRead(db, team.student, { threadId, seq: 2 }));

    // A helper removed before the reminders are due hears nothing of the thread.
    const { id } = await assignmentIn(db, team, "in_progress", { helper: true });
    must(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "accept" }));
    const [assignmentThread] = await db.select({ id: threads.id }).from(threads).where(eq(threads.assignmentId, id));
    must(await send(db, team.teacher, assignmentThread!.id, "Helper, please check section 2"));
    must(await removeHelper(db, team.rep, { ...(await ref(db, id)), teacherId: team.helper.id }));

    await sweepIn(db, afterEmail);
    expect(await bells(db, team.helper.id)).toEqual([]);
    expect(await mails(db, team.helper.id)).toEqual([]);
    // The muted admin hears nothing of the direct thread (only of the assignment thread staff are in).
    expect((await bells(db, team.admin.id)).map((bell) => bell.link)).toEqual([`/messages/${assignmentThread!.id}`]);
    expect((await mails(db, team.admin.id)).filter((mail) => mail.text.includes(threadId))).toEqual([]);
    // The student read the direct thread: only the assignment thread, which they have not read, reminds them.
    expect((await bells(db, team.student.id)).map((bell) => bell.link)).toEqual([`/messages/${assignmentThread!.id}`]);
  });
});

describe("the email for unread messages", () => {
  it("queues one thread_message email per unread run after ten minutes, unless the person turned that email off", async () => {
    const db = await testDb();
    const { team, threadId } = await directThread(db, "Exam dates");
    const { student, admin, rep } = team;
    const otherKinds = emailKindsForRole("admin").filter((kind) => kind !== "thread_message");
    must(await updateEmailPreferences(db, admin, { email: otherKinds }));

    await sweepIn(db, afterBell);
    expect(await mails(db, student.id)).toEqual([]);
    await sweepIn(db, afterEmail);
    const [mail, ...more] = await mails(db, student.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: student.email, kind: "notification:thread_message", status: "queued" });
    expect(mail!.subject).toContain(`${rep.name} wrote in “Exam dates”`);
    expect(mail!.text).toContain("Your refund is on its way");
    expect(mail!.text).toContain(`/messages/${threadId}`);

    // More messages in the same run bring no second email; a new run after reading does.
    must(await send(db, rep, threadId, "Also: bring a calculator"));
    await sweepIn(db, afterEmail * 2);
    expect(await mails(db, student.id)).toHaveLength(1);
    must(await markThreadRead(db, student, { threadId, seq: 2 }));
    must(await send(db, rep, threadId, "And a pencil"));
    await sweepIn(db, afterEmail);
    expect(await mails(db, student.id)).toHaveLength(2);

    // The admin turned thread emails off: the bell still rang, no email was queued.
    expect(await mails(db, admin.id)).toEqual([]);
    expect(await bells(db, admin.id)).toHaveLength(1);
  });
});
