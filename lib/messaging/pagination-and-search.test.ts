import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, threadParticipants } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assignmentIn, createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { deleteMessage } from "./edit-message";
import { markThreadRead } from "./mark-read";
import { ensureSupportThread } from "./membership";
import { listInbox, listMessages } from "./queries";
import { sendMessage } from "./send-message";
import { startThread } from "./start-thread";
import type { InboxItem } from "./types";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body });

/** The send rate limit counts the last 10 seconds; these tests send more, so earlier sends are moved back a minute. */
const ageSends = (db: Db, actor: Actor) => db.update(messages).set({ createdAt: sql`${messages.createdAt} - interval '1 minute'` }).where(eq(messages.authorId, actor.id));

async function sendMany(db: Db, actor: Actor, threadId: string, n: number) {
  for (let i = 1; i <= n; i += 1) {
    if (i % 20 === 0) await ageSends(db, actor);
    must(await send(db, actor, threadId, `Message ${i}`));
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("a thread's pages", () => {
  it("120 messages come newest page first, oldest first within a page, and load older by keyset", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const threadId = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
    await sendMany(db, team.rep, threadId, 120);
    const seqs = (page: { messages: { seq: number }[] } | null) => page!.messages.map((m) => m.seq);

    const newest = (await listMessages(db, team.student, threadId))!;
    expect(seqs(newest)).toEqual(range(71, 120));
    expect(newest).toMatchObject({ hasOlder: true, hasNewer: false });
    expect(newest.messages.at(-1)).toMatchObject({ body: "Message 120", author: { id: team.rep.id, name: team.rep.name, role: "cs_rep" } });

    const older = (await listMessages(db, team.student, threadId, { before: 71 }))!;
    expect(seqs(older)).toEqual(range(21, 70));
    expect(older).toMatchObject({ hasOlder: true, hasNewer: true });
    const oldest = (await listMessages(db, team.student, threadId, { before: 21 }))!;
    expect(seqs(oldest)).toEqual(range(1, 20));
    expect(oldest.hasOlder).toBe(false);

    // Catching up after a reconnect: only what came after the last seq held.
    const after = (await listMessages(db, team.student, threadId, { after: 115 }))!;
    expect(seqs(after)).toEqual(range(116, 120));
    expect(after).toMatchObject({ hasOlder: true, hasNewer: false });
    expect((await listMessages(db, team.student, threadId, { after: 120 }))!.messages).toEqual([]);
    const catchUp = (await listMessages(db, team.student, threadId, { after: 0, limit: 10 }))!;
    expect(seqs(catchUp)).toEqual(range(1, 10));
    expect(catchUp).toMatchObject({ hasOlder: false, hasNewer: true });

    // The page size is bounded both ways.
    expect(seqs(await listMessages(db, team.student, threadId, { limit: 5 }))).toEqual(range(116, 120));
    expect(seqs(await listMessages(db, team.student, threadId, { limit: 0 }))).toEqual([120]);
    expect(seqs(await listMessages(db, team.student, threadId, { limit: 1000 }))).toEqual(range(1, 120));
    expect(seqs(await listMessages(db, team.student, threadId, { after: 0, limit: 1000 }))).toEqual(range(1, 120));
  });
});

describe("the inbox", () => {
  it("pages 30 threads by last activity with no duplicates or gaps, even when activity times tie", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const started: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      if (i % 15 === 14) await ageSends(db, team.rep);
      started.push(must(await startThread(db, team.rep, { recipientIds: [team.student.id], subject: `Topic ${i}`, body: `About topic ${i}`, clientMessageId: randomUUID() })).threadId);
    }
    const walk = async (actor: Actor, options: { filter?: "direct" } = {}) => {
      const seen: InboxItem[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const result = await listInbox(db, actor, { ...options, limit: 10, cursor });
        expect(result.items.length).toBeLessThanOrEqual(10);
        seen.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return seen;
    };
    // Newest activity first: the last thread started is on top; the student's Support thread (no messages) is last.
    const all = await walk(team.student);
    expect(all.map((item) => item.id)).toEqual([...[...started].reverse(), all.at(-1)!.id]);
    expect(all.at(-1)).toMatchObject({ kind: "support", lastMessage: null });
    expect(all[0]).toMatchObject({ subject: "Topic 29", unreadCount: 1, lastMessage: { preview: "About topic 29", authorName: team.rep.name, authorIsViewer: false } });
    expect(all[0]!.others.map((p) => p.id)).toEqual([team.rep.id]);

    // A new message moves its thread to the top.
    must(await send(db, team.student, started[0]!, "Back to topic 0"));
    const top = (await listInbox(db, team.student, { limit: 1 })).items[0]!;
    expect(top).toMatchObject({ subject: "Topic 0", unreadCount: 0, lastMessage: { preview: "Back to topic 0", authorIsViewer: true } });

    // Threads with the very same activity time still page without duplicates or gaps.
    await db.update(threadParticipants).set({ activityAt: new Date("2026-01-01T00:00:00Z") }).where(inArray(threadParticipants.threadId, started));
    const tied = await walk(team.rep, { filter: "direct" });
    expect(tied).toHaveLength(30);
    expect(new Set(tied.map((item) => item.id))).toEqual(new Set(started));
  });

  it("filters by unread, assignment, Support and direct", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { code } = await assignmentIn(db, team, "in_progress");
    const supportId = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
    const { threadId: directId } = must(await startThread(db, team.rep, { recipientIds: [team.student.id], subject: "Direct line", body: "Hi", clientMessageId: randomUUID() }));
    must(await send(db, team.rep, supportId, "Welcome"));
    must(await markThreadRead(db, team.student, { threadId: supportId, seq: 1 }));
    const kinds = async (filter?: "all" | "unread" | "assignment" | "support" | "direct") => (await listInbox(db, team.student, { filter })).items.map((item) => item.kind);
    expect((await kinds()).sort()).toEqual(["assignment", "direct", "support"]);
    expect((await kinds("all")).sort()).toEqual(["assignment", "direct", "support"]);
    expect(await kinds("unread")).toEqual(["direct"]);
    expect(await kinds("support")).toEqual(["support"]);
    expect(await kinds("direct")).toEqual(["direct"]);
    const assignment = (await listInbox(db, team.student, { filter: "assignment" })).items;
    expect(assignment.map((item) => item.assignment?.code)).toEqual([code]);
    expect((await listInbox(db, team.student, { filter: "direct" })).items.map((item) => item.id)).toEqual([directId]);
  });

  it("searches message words and subjects by prefix, never a deleted message's words, and survives any input", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const start = async (subject: string, body: string) => must(await startThread(db, team.rep, { recipientIds: [team.student.id], subject, body, clientMessageId: randomUUID() })).threadId;
    const calculus = await start("Calculus homework", "Chapter four is due Monday");
    const biology = await start("Lab report", "Photosynthesis needs light");
    const history = await start("History essay", "Sources for the treaty");
    const secret = must(await send(db, team.rep, history, "The password is marmalade"));
    const found = async (q: string, actor = team.student) => (await listInbox(db, actor, { q })).items.map((item) => item.id);

    expect(await found("calculus")).toEqual([calculus]);
    expect(await found("calc")).toEqual([calculus]);
    expect(await found("CALC")).toEqual([calculus]);
    expect(await found("photosynth")).toEqual([biology]);
    expect(await found("photosynthesis light")).toEqual([biology]);
    expect(await found("photosynthesis monday")).toEqual([]);
    expect(await found("treaty")).toEqual([history]);
    expect(await found("marmalade")).toEqual([history]);
    expect(await found("calc", team.rep)).toEqual([calculus]);
    // Another student finds nothing of these.
    expect(await found("calc", team.admin)).toEqual([]);

    must(await deleteMessage(db, team.rep, { threadId: history, messageId: secret.id }, new Date(), team.files));
    expect(await found("marmalade")).toEqual([]);
    expect(await found("treaty")).toEqual([history]);

    for (const q of ["a & | ! :* ' ( )", "'", "\\", "!!!", ":*", "<->", "a:*b", "‘quoted’", "🙂", "x".repeat(200), "%_%"]) {
      const result = await listInbox(db, team.student, { q });
      expect(Array.isArray(result.items), q).toBe(true);
    }
    // A query of symbols only is no search at all.
    expect((await listInbox(db, team.student, { q: "&|!" })).items).toHaveLength(4);
  });
});
