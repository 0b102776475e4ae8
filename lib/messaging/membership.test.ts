import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { threadParticipants, threads } from "@/db/schema";
import { assignTeachers } from "@/lib/assignments/assign-teachers";
import { removeHelper } from "@/lib/assignments/remove-helper";
import { respondToOffer } from "@/lib/assignments/respond-to-offer";
import type { Actor } from "@/lib/auth/actor";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { channels } from "@/lib/realtime/channels";
import { assignmentIn, createTeam, must, ref, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { getMessageAttachmentForDownload, uploadAttachment } from "./attachments";
import { ensureSupportThread } from "./membership";
import { activeStaffIds } from "./policy";
import { countUnreadThreads, listInbox, listMessages, loadThread } from "./queries";
import { sendMessage } from "./send-message";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string, attachmentIds: string[] = []) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body, attachmentIds });
const memberIds = async (db: Db, threadId: string) =>
  (await db.select({ userId: threadParticipants.userId }).from(threadParticipants).where(eq(threadParticipants.threadId, threadId))).map((row) => row.userId).sort();
const assignmentThreadId = async (db: Db, assignmentId: string) => (await db.select({ id: threads.id }).from(threads).where(eq(threads.assignmentId, assignmentId)))[0]?.id;

describe("the Support thread", () => {
  it("every student has exactly one, with the CS reps and admins, however often and concurrently it is asked for", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const first = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
    const again = await Promise.all(Array.from({ length: 6 }, () => db.transaction((tx) => ensureSupportThread(tx, team.student.id))));
    expect(new Set(again)).toEqual(new Set([first]));
    expect(await db.select().from(threads).where(eq(threads.supportStudentId, team.student.id))).toHaveLength(1);
    const staff = await activeStaffIds(db);
    expect(staff).toEqual(expect.arrayContaining([team.rep.id, team.admin.id]));
    expect(await memberIds(db, first)).toEqual([team.student.id, ...staff].sort());
    expect(await loadThread(db, team.teacher, first)).toBeNull();

    // A student who signs up later gets their own, with the same staff.
    const later = await createStudent(db, "Lena Later");
    const theirs = await db.transaction((tx) => ensureSupportThread(tx, later.id));
    expect(theirs).not.toBe(first);
    expect(await memberIds(db, theirs)).toEqual([later.id, ...staff].sort());
  });

  it("a student signing up while an admin creates a CS rep still gets that rep in their Support thread", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const [students, reps] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, (_, i) => createStudent(db, `Racing Student ${i}`))),
      Promise.all(Array.from({ length: 3 }, (_, i) => createStaff(db, team.admin, "cs_rep", `Racing Rep ${i}`))),
    ]);
    const staff = await activeStaffIds(db);
    for (const student of students) {
      const supportId = await db.transaction((tx) => ensureSupportThread(tx, student.id));
      expect(await memberIds(db, supportId), student.name).toEqual([student.id, ...staff].sort());
    }
    for (const rep of reps) expect(await countUnreadThreads(db, rep)).toBe(0);
  });

  it("a CS rep or admin created later joins the existing Support and assignment threads; a new teacher does not", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    const supportId = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
    const assignmentThread = (await assignmentThreadId(db, id))!;
    must(await send(db, team.student, supportId, "Hello support"));
    const newRep = await createStaff(db, team.admin, "cs_rep", "Nora Newrep");
    const newAdmin = await createStaff(db, team.admin, "admin", "Abe Newadmin");
    const newTeacher = await createStaff(db, team.admin, "teacher", "Tom Newteacher");
    for (const staff of [newRep, newAdmin]) {
      expect(await loadThread(db, staff, supportId), staff.name).toMatchObject({ kind: "support", viewer: { canSend: true } });
      expect(await loadThread(db, staff, assignmentThread), staff.name).toMatchObject({ kind: "assignment" });
      // They read the history, and can answer.
      expect((await listMessages(db, staff, supportId))!.messages[0]).toMatchObject({ seq: 1, body: "Hello support" });
      must(await send(db, staff, supportId, `Hi, ${staff.name} here`));
    }
    expect(await loadThread(db, newTeacher, supportId)).toBeNull();
    expect(await loadThread(db, newTeacher, assignmentThread)).toBeNull();
  });
});

describe("an assignment's thread", () => {
  it("opens when the primary accepts, with the student, the primary and staff; a helper joins on accepting", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id, code } = await assignmentIn(db, team, "assigned", { helper: true });
    expect(await assignmentThreadId(db, id)).toBeUndefined();
    must(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "accept" }));
    const threadId = (await assignmentThreadId(db, id))!;
    // Each test file shares one database: every active CS rep and admin in it is staff here.
    expect(await memberIds(db, threadId)).toEqual([team.student.id, team.teacher.id, ...(await activeStaffIds(db))].sort());
    expect(await loadThread(db, team.helper, threadId)).toBeNull();

    const studentView = await loadThread(db, team.student, threadId);
    expect(studentView).toMatchObject({ kind: "assignment", assignment: { id, code, href: `/student/assignments/${id}` } });
    expect(studentView!.subject).toMatch(new RegExp(`^${code}: `));
    expect((await loadThread(db, team.teacher, threadId))!.assignment!.href).toBe(`/teacher/assignments/${id}`);
    expect((await listInbox(db, team.student, { filter: "assignment" })).items.map((item) => item.assignment?.code)).toEqual([code]);

    must(await send(db, team.student, threadId, "Before the helper"));
    must(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "accept" }));
    expect(await memberIds(db, threadId)).toContain(team.helper.id);
    // Joining late, they read the conversation so far.
    expect((await listMessages(db, team.helper, threadId))!.messages.map((m) => m.body)).toEqual(["Before the helper"]);
    must(await send(db, team.helper, threadId, "Hello, I am helping"));
  });

  it("a removed helper keeps what was said up to removal, read-only, and nothing after", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress", { helper: true });
    must(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "accept" }));
    const threadId = (await assignmentThreadId(db, id))!;
    const before = must(await uploadAttachment(db, team.teacher, { threadId, files: [textFile("outline.md", "# Outline of the parabola")] }, team.files));
    must(await send(db, team.teacher, threadId, "The outline covers parabolas", [before.id]));
    must(await send(db, team.student, threadId, "Thanks, looks good"));

    must(await removeHelper(db, team.rep, { ...(await ref(db, id)), teacherId: team.helper.id }));
    const after = must(await uploadAttachment(db, team.student, { threadId, files: [textFile("secret.md", "# Hyperbolas only")] }, team.files));
    must(await send(db, team.student, threadId, "Confidential hyperbola notes", [after.id]));
    must(await send(db, team.teacher, threadId, "Got it"));

    const page = (await listMessages(db, team.helper, threadId))!;
    expect(page.messages.map((m) => m.body)).toEqual(["The outline covers parabolas", "Thanks, looks good"]);
    expect(page.hasNewer).toBe(false);
    expect((await listMessages(db, team.helper, threadId, { after: 2 }))!.messages).toEqual([]);
    expect((await listMessages(db, team.helper, threadId, { before: 100 }))!.messages.map((m) => m.seq)).toEqual([1, 2]);
    const helperView = (await loadThread(db, team.helper, threadId))!;
    expect(helperView).toMatchObject({ lastSeq: 2, viewer: { canSend: false } });
    // What others read after they left is not theirs to know: the student has read 3, the helper is shown 2.
    expect(helperView.participants.find((p) => p.id === team.student.id)!.lastReadSeq).toBe(2);
    expect((await loadThread(db, team.teacher, threadId))!.participants.find((p) => p.id === team.student.id)!.lastReadSeq).toBe(3);

    expect(must(await getMessageAttachmentForDownload(db, team.helper, before.id, team.files)).name).toBe("outline.md");
    expect(await getMessageAttachmentForDownload(db, team.helper, after.id, team.files)).toMatchObject({ ok: false, code: "not_found" });
    expect(must(await getMessageAttachmentForDownload(db, team.student, after.id, team.files)).name).toBe("secret.md");

    expect(await send(db, team.helper, threadId, "Still here?")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await uploadAttachment(db, team.helper, { threadId, files: [textFile()] }, team.files)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await authorizeChannel(db, team.helper, channels.thread(threadId))).toEqual({ allowed: false });
    expect(await authorizeChannel(db, team.helper, channels.threadPresence(threadId))).toEqual({ allowed: false });

    // Their inbox keeps the thread as it was when they left, with nothing unread.
    const [row] = (await listInbox(db, team.helper)).items.filter((item) => item.id === threadId);
    expect(row).toMatchObject({ unreadCount: 0, lastMessage: { preview: "Thanks, looks good" } });
    expect(row!.others.map((p) => p.id)).not.toContain(team.helper.id);
    expect(await countUnreadThreads(db, team.helper)).toBe(0);
    // Search sees only what they could read.
    expect((await listInbox(db, team.helper, { q: "parabolas" })).items.map((item) => item.id)).toEqual([threadId]);
    expect((await listInbox(db, team.helper, { q: "hyperbola" })).items).toEqual([]);
    expect((await listInbox(db, team.student, { q: "hyperbola" })).items.map((item) => item.id)).toEqual([threadId]);
    // Read receipts stop at what they could see.
    const [participant] = await db.select().from(threadParticipants).where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, team.helper.id)));
    expect(participant).toMatchObject({ leftAtSeq: 2, unreadCount: 0, leftAt: expect.any(Date) });
  });

  it("a primary replaced by staff leaves the thread the same way, and the new primary joins on accepting", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    const threadId = (await assignmentThreadId(db, id))!;
    must(await send(db, team.student, threadId, "Question one"));
    const successor = await createStaff(db, team.admin, "teacher", "Sara Successor");
    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: successor.id, helperIds: [] }));
    must(await send(db, team.student, threadId, "Question two"));

    expect((await listMessages(db, team.teacher, threadId))!.messages.map((m) => m.body)).toEqual(["Question one"]);
    expect(await send(db, team.teacher, threadId, "Hello?")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await loadThread(db, successor, threadId)).toBeNull();
    must(await respondToOffer(db, successor, { ...(await ref(db, id)), decision: "accept" }));
    expect((await listMessages(db, successor, threadId))!.messages.map((m) => m.body)).toEqual(["Question one", "Question two"]);
    const participants = (await loadThread(db, team.student, threadId))!.participants;
    expect(participants.filter((p) => !p.active).map((p) => p.id)).toEqual([team.teacher.id]);
    expect(participants.filter((p) => p.active).map((p) => p.id)).toEqual(expect.arrayContaining([team.student.id, successor.id, team.rep.id]));
  });
});
