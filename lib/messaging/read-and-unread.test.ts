import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { threadParticipants } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { markThreadRead } from "./mark-read";
import { countUnreadThreads, listInbox, loadThread } from "./queries";
import { sendMessage } from "./send-message";
import { startThread } from "./start-thread";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body });
const unreadIn = async (db: Db, actor: Actor, threadId: string) => (await listInbox(db, actor)).items.find((item) => item.id === threadId)?.unreadCount;

/** A (the CS rep) and B (the student) in a direct thread, plus the admin; A's opening message is seq 1, already read by B. */
async function conversation(db: Db) {
  const team = await createTeam(db);
  const { threadId } = must(await startThread(db, team.rep, { recipientIds: [team.student.id, team.admin.id], subject: "Your refund", body: "Opening", clientMessageId: randomUUID() }));
  must(await markThreadRead(db, team.student, { threadId, seq: 1 }));
  must(await markThreadRead(db, team.admin, { threadId, seq: 1 }));
  return { a: team.rep, b: team.student, admin: team.admin, threadId };
}

describe("unread counts", () => {
  it("count what others sent since the reader's last read, and never move back", async () => {
    const db = await testDb();
    const { a, b, threadId } = await conversation(db);
    for (const body of ["One", "Two", "Three"]) must(await send(db, a, threadId, body));
    expect(await unreadIn(db, b, threadId)).toBe(3);
    expect(await countUnreadThreads(db, b)).toBe(1);
    expect(await unreadIn(db, a, threadId)).toBe(0);
    expect(await countUnreadThreads(db, a)).toBe(0);
    expect((await listInbox(db, b, { filter: "unread" })).items.map((item) => item.id)).toEqual([threadId]);

    expect(must(await markThreadRead(db, b, { threadId, seq: 3 }))).toEqual({ lastReadSeq: 3, unreadCount: 1 });
    expect(await unreadIn(db, b, threadId)).toBe(1);
    // An older tab reporting an older position changes nothing.
    expect(must(await markThreadRead(db, b, { threadId, seq: 2 }))).toEqual({ lastReadSeq: 3, unreadCount: 1 });
    expect(await unreadIn(db, b, threadId)).toBe(1);
    // Reading past the end stops at the last message.
    expect(must(await markThreadRead(db, b, { threadId, seq: 999 }))).toEqual({ lastReadSeq: 4, unreadCount: 0 });
    expect(await countUnreadThreads(db, b)).toBe(0);
    expect((await listInbox(db, b, { filter: "unread" })).items).toEqual([]);

    // Read receipts: A sees how far B has read.
    const participants = (await loadThread(db, a, threadId))!.participants;
    expect(participants.find((p) => p.id === b.id)).toMatchObject({ lastReadSeq: 4, active: true });
    expect((await loadThread(db, b, threadId))!.viewer).toMatchObject({ lastReadSeq: 4, canSend: true });
  });

  it("sending reads everything before one's own message", async () => {
    const db = await testDb();
    const { a, b, threadId } = await conversation(db);
    must(await send(db, a, threadId, "Are you there?"));
    must(await send(db, a, threadId, "Hello?"));
    expect(await unreadIn(db, b, threadId)).toBe(2);
    const reply = must(await send(db, b, threadId, "Yes, sorry"));
    expect(await unreadIn(db, b, threadId)).toBe(0);
    expect((await loadThread(db, b, threadId))!.viewer.lastReadSeq).toBe(reply.seq);
    expect(await unreadIn(db, a, threadId)).toBe(1);
    expect(await countUnreadThreads(db, a)).toBe(1);
    // The badge counts threads, not messages.
    must(await send(db, b, threadId, "I have one more question"));
    expect(await countUnreadThreads(db, a)).toBe(1);
    expect(await unreadIn(db, a, threadId)).toBe(2);
  });

  it("a muted participant still sees what is unread", async () => {
    const db = await testDb();
    const { a, admin, threadId } = await conversation(db);
    await db.update(threadParticipants).set({ muted: true }).where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, admin.id)));
    must(await send(db, a, threadId, "FYI"));
    must(await send(db, a, threadId, "FYI again"));
    expect(await unreadIn(db, admin, threadId)).toBe(2);
    expect(await countUnreadThreads(db, admin)).toBe(1);
    expect((await loadThread(db, admin, threadId))!.viewer.muted).toBe(true);
  });

  it("reading recounts what is left from the messages, so a drifted badge heals", async () => {
    const db = await testDb();
    const { a, b, threadId } = await conversation(db);
    for (const body of ["One", "Two", "Three"]) must(await send(db, a, threadId, body));
    // A drifted counter (a bug elsewhere, a manual fix) is corrected by the next read.
    await db.update(threadParticipants).set({ unreadCount: 7 }).where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, b.id)));
    expect(must(await markThreadRead(db, b, { threadId, seq: 2 }))).toEqual({ lastReadSeq: 2, unreadCount: 2 });
  });

  it("refuses positions that are not whole numbers", async () => {
    const db = await testDb();
    const { b, threadId } = await conversation(db);
    for (const seq of [-1, 1.5, "3", null]) expect(await markThreadRead(db, b, { threadId, seq }), String(seq)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { seq: [expect.any(String)] } });
  });
});
