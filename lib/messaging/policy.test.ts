import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { channels } from "@/lib/realtime/channels";
import { setUserBlocked } from "@/lib/users/set-user-blocked";
import { assignmentIn, createTeam, must, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { getMessageAttachmentForDownload, uploadAttachment } from "./attachments";
import { editMessage } from "./edit-message";
import { markThreadRead } from "./mark-read";
import { listInbox, listMessages, listRecipients, loadThread } from "./queries";
import { sendMessage } from "./send-message";
import { startThread } from "./start-thread";

type Db = Awaited<ReturnType<typeof testDb>>;

const start = (db: Db, actor: Actor, recipients: Actor[], subject = "A question") =>
  startThread(db, actor, { recipientIds: recipients.map((r) => r.id), subject, body: "Hello there", clientMessageId: randomUUID() });

/** Whether the picker lists them (searched by their unique email) and whether starting a thread with them works: the two must agree. */
async function mayWrite(db: Db, actor: Actor, recipient: Actor): Promise<boolean> {
  const listed = (await listRecipients(db, actor, recipient.email)).some((option) => option.id === recipient.id);
  const started = await start(db, actor, [recipient]);
  expect(started.ok, `${actor.name} → ${recipient.name}: listRecipients says ${listed}, startThread says ${started.ok}`).toBe(listed);
  if (!started.ok) expect(started).toMatchObject({ code: "forbidden", fieldErrors: { recipientIds: [expect.any(String)] } });
  return listed;
}

describe("who may start a thread with whom", () => {
  it("staff may write to anyone active; teachers only to staff", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { rep, admin, student, teacher, helper } = team;
    for (const staff of [rep, admin]) {
      for (const other of [rep, admin, student, teacher].filter((a) => a.id !== staff.id)) {
        expect(await mayWrite(db, staff, other), `${staff.role} → ${other.role}`).toBe(true);
      }
    }
    expect(await mayWrite(db, teacher, rep)).toBe(true);
    expect(await mayWrite(db, teacher, admin)).toBe(true);
    expect(await mayWrite(db, teacher, student)).toBe(false);
    expect(await mayWrite(db, teacher, helper)).toBe(false);
    // The picker searches names literally: LIKE wildcards match nothing.
    for (const q of ["%", "%%", "\\", "%' or 1=1 --"]) expect(await listRecipients(db, rep, q), q).toEqual([]);
    expect((await listRecipients(db, rep, "priya")).map((option) => option.id)).toContain(teacher.id);
    // A NUL or a replacement character (what invalid UTF-8 in the URL decodes to) is dropped, never sent to PostgreSQL.
    expect((await listRecipients(db, rep, "pri\u0000ya\uFFFD")).map((option) => option.id)).toContain(teacher.id);
  });

  it("a student may write to staff and to teachers accepted on their own assignments only", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    await assignmentIn(db, team, "in_progress", { helper: true });
    const { student, rep, admin, teacher, helper } = team;
    const otherTeacher = await createStaff(db, admin, "teacher", "Olga Other");
    const otherStudent = await createStudent(db, "Otto Other");
    expect(await mayWrite(db, student, rep)).toBe(true);
    expect(await mayWrite(db, student, admin)).toBe(true);
    expect(await mayWrite(db, student, teacher)).toBe(true);
    // The helper was offered the work but has not accepted it.
    expect(await mayWrite(db, student, helper)).toBe(false);
    expect(await mayWrite(db, student, otherTeacher)).toBe(false);
    expect(await mayWrite(db, student, otherStudent)).toBe(false);
    // Another student's accepted teacher is not this student's to write to.
    expect(await mayWrite(db, otherStudent, teacher)).toBe(false);
  });

  it("nobody may write to themselves or to a blocked account, and one refused recipient refuses the thread", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { rep, admin, student, teacher } = team;
    for (const actor of [rep, admin, student, teacher]) expect(await mayWrite(db, actor, actor), actor.role).toBe(false);
    must(await setUserBlocked(db, admin, { userId: teacher.id }, true));
    must(await setUserBlocked(db, admin, { userId: rep.id }, true));
    expect(await mayWrite(db, admin, teacher)).toBe(false);
    expect(await mayWrite(db, student, rep)).toBe(false);
    const mixed = await start(db, admin, [student, teacher]);
    expect(mixed).toMatchObject({ ok: false, code: "forbidden", message: "You cannot start a thread with some of these people" });
    expect(await start(db, admin, [{ ...student, id: randomUUID() }])).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("a started thread holds its first message for everyone in it, and a retried start opens it once", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const input = { recipientIds: [team.student.id, team.teacher.id], subject: "  Exam week  ", body: "Who covers Friday?", clientMessageId: randomUUID() };
    const { threadId } = must(await startThread(db, team.rep, input));
    expect(must(await startThread(db, team.rep, input)).threadId).toBe(threadId);
    for (const actor of [team.rep, team.student, team.teacher]) {
      const thread = await loadThread(db, actor, threadId);
      expect(thread).toMatchObject({ kind: "direct", subject: "Exam week", lastSeq: 1 });
      expect(thread!.participants.map((p) => p.id).sort()).toEqual([team.rep.id, team.student.id, team.teacher.id].sort());
      expect((await listMessages(db, actor, threadId))!.messages.map((m) => m.body)).toEqual(["Who covers Friday?"]);
    }
  });
});

describe("a thread seen from outside", () => {
  it("does not exist for a non-participant, while its participants use it", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { threadId } = must(await start(db, team.rep, [team.student]));
    const sent = must(await sendMessage(db, team.student, { threadId, clientMessageId: randomUUID(), body: "See the file" }));
    const file = must(await uploadAttachment(db, team.student, { threadId, files: [textFile()] }, team.files));
    must(await sendMessage(db, team.student, { threadId, clientMessageId: randomUUID(), attachmentIds: [file.id] }));
    const strangerStudent = await createStudent(db, "Stranger Student");
    const outsiders = [strangerStudent, team.teacher, team.helper];

    for (const outsider of outsiders) {
      const who = outsider.name;
      expect(await loadThread(db, outsider, threadId), who).toBeNull();
      expect(await listMessages(db, outsider, threadId), who).toBeNull();
      expect(await sendMessage(db, outsider, { threadId, clientMessageId: randomUUID(), body: "Hi" }), who).toMatchObject({ ok: false, code: "not_found" });
      expect(await markThreadRead(db, outsider, { threadId, seq: 1 }), who).toMatchObject({ ok: false, code: "not_found" });
      expect(await editMessage(db, outsider, { threadId, messageId: sent.id, body: "Changed" }), who).toMatchObject({ ok: false, code: "not_found" });
      expect(await uploadAttachment(db, outsider, { threadId, files: [textFile()] }, team.files), who).toMatchObject({ ok: false, code: "not_found" });
      expect(await getMessageAttachmentForDownload(db, outsider, file.id, team.files), who).toMatchObject({ ok: false, code: "not_found" });
      expect(await authorizeChannel(db, outsider, channels.thread(threadId)), who).toEqual({ allowed: false });
      expect(await authorizeChannel(db, outsider, channels.threadPresence(threadId)), who).toEqual({ allowed: false });
    }
    // Nothing an outsider tried reached the thread.
    expect((await listMessages(db, team.rep, threadId))!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(team.files.storedFiles()).toHaveLength(1);

    for (const member of [team.rep, team.student]) {
      expect(await authorizeChannel(db, member, channels.thread(threadId))).toEqual({ allowed: true, presence: undefined });
      expect(await authorizeChannel(db, member, channels.threadPresence(threadId))).toEqual({
        allowed: true,
        presence: { user_id: member.id, user_info: { name: member.name, role: member.role } },
      });
      expect(must(await getMessageAttachmentForDownload(db, member, file.id, team.files)).name).toBe("notes.md");
    }
  });

  it("another student's Support thread is not found by its id, nor is a made-up id", async () => {
    const db = await testDb();
    const mine = await createStudent(db, "Mia Mine");
    const theirs = await createStudent(db, "Theo Theirs");
    const ownSupport = (await listInbox(db, mine)).items.find((item) => item.kind === "support")!;
    const otherSupport = (await listInbox(db, theirs)).items.find((item) => item.kind === "support")!;
    expect(await loadThread(db, mine, ownSupport.id)).toMatchObject({ kind: "support" });
    expect(await loadThread(db, mine, otherSupport.id)).toBeNull();
    expect(await listMessages(db, mine, otherSupport.id)).toBeNull();
    for (const bogus of [randomUUID(), "not-a-uuid", ""]) expect(await loadThread(db, mine, bogus)).toBeNull();
    expect(await sendMessage(db, mine, { threadId: otherSupport.id, clientMessageId: randomUUID(), body: "Hi" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
