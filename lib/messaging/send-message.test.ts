import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, threads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { UNSAVABLE_TEXT_MESSAGE } from "@/lib/validation";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { ensureSupportThread } from "./membership";
import { listMessages } from "./queries";
import { RATE_LIMITED_MESSAGE, sendMessage } from "./send-message";
import { startThread } from "./start-thread";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string, extra: Record<string, unknown> = {}) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body, ...extra });
const messageCount = async (db: Db, threadId: string) => (await db.select({ n: count() }).from(messages).where(eq(messages.threadId, threadId)))[0]!.n;
const lastSeqOf = async (db: Db, threadId: string) => (await db.select({ lastSeq: threads.lastSeq }).from(threads).where(eq(threads.id, threadId)))[0]!.lastSeq;

async function supportThread(db: Db) {
  const team = await createTeam(db);
  const threadId = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
  return { team, threadId };
}

describe("sending a message exactly once", () => {
  it("10 concurrent sends of one clientMessageId store one message and all answer with it", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const clientMessageId = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => sendMessage(db, team.student, { threadId, clientMessageId, body: "Is anyone there?" })));
    const sent = results.map(must);
    expect(new Set(sent.map((m) => m.id)).size).toBe(1);
    expect(sent.every((m) => m.seq === 1 && m.clientMessageId === clientMessageId && m.body === "Is anyone there?")).toBe(true);
    expect(await messageCount(db, threadId)).toBe(1);
    expect(await lastSeqOf(db, threadId)).toBe(1);
    expect((await listMessages(db, team.rep, threadId))!.messages.map((m) => m.id)).toEqual([sent[0]!.id]);

    // A retry after the answer was lost gets the stored message, even with a changed body.
    const retried = must(await sendMessage(db, team.student, { threadId, clientMessageId, body: "Is anyone there??" }));
    expect(retried).toMatchObject({ id: sent[0]!.id, seq: 1, body: "Is anyone there?" });
    // Another author may choose the same id: it is unique per author.
    expect(must(await sendMessage(db, team.rep, { threadId, clientMessageId, body: "Yes, hello" })).seq).toBe(2);
  });

  it("the same clientMessageId used in another thread is a conflict, and stores nothing", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const { threadId: direct } = must(await startThread(db, team.student, { recipientIds: [team.rep.id], subject: "Billing", body: "Hi", clientMessageId: randomUUID() }));
    const clientMessageId = randomUUID();
    must(await sendMessage(db, team.student, { threadId, clientMessageId, body: "First" }));
    expect(await sendMessage(db, team.student, { threadId: direct, clientMessageId, body: "First" })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "This message id was already used in another thread",
    });
    expect(await messageCount(db, direct)).toBe(1);
  });
});

describe("ordering under concurrent sends", () => {
  it("3 authors × 10 concurrent sends get seqs 1..30 with no gap or duplicate, and the thread counts 30", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const authors = [team.student, team.rep, team.admin];
    const results = await Promise.all(authors.flatMap((author) => Array.from({ length: 10 }, (_, i) => send(db, author, threadId, `${author.name} #${i}`))));
    const seqs = results.map((result) => must(result).seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await lastSeqOf(db, threadId)).toBe(30);

    const page = (await listMessages(db, team.student, threadId))!;
    expect(page.messages.map((m) => m.seq)).toEqual(seqs);
    for (const author of authors) expect(page.messages.filter((m) => m.author.id === author.id)).toHaveLength(10);
  });
});

describe("message limits", () => {
  it("refuses an empty or whitespace-only message without files", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    for (const body of ["", "   \n\t  ", undefined]) {
      const result = await sendMessage(db, team.student, { threadId, clientMessageId: randomUUID(), body });
      expect(result, JSON.stringify(body)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: ["Write a message or attach a file"] } });
    }
    expect(await messageCount(db, threadId)).toBe(0);
  });

  it("takes up to 10,000 characters after trimming, counting an emoji as one", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const long = must(await send(db, team.student, threadId, `  ${"a".repeat(10_000)}  `));
    expect(long.body).toHaveLength(10_000);
    const tooLong = await send(db, team.student, threadId, "a".repeat(10_001));
    expect(tooLong).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: ["A message can be at most 10,000 characters"] } });

    const emoji = "😀".repeat(10_000);
    expect(emoji.length).toBe(20_000);
    expect(must(await send(db, team.student, threadId, emoji)).body).toBe(emoji);
    expect(await send(db, team.student, threadId, `${emoji}😀`)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [expect.stringContaining("10,000")] } });
    expect(await messageCount(db, threadId)).toBe(2);
  });

  it("refuses more than 10 attachments, a NUL in the text, and ids that are not UUIDs", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const eleven = Array.from({ length: 11 }, () => randomUUID());
    expect(await send(db, team.student, threadId, "Files", { attachmentIds: eleven })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { attachmentIds: ["Attach at most 10 files to a message"] },
    });
    expect(await send(db, team.student, threadId, "Nul\u0000byte")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [UNSAVABLE_TEXT_MESSAGE] } });
    expect(await sendMessage(db, team.student, { threadId, clientMessageId: "retry-1", body: "Hi" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { clientMessageId: [expect.any(String)] } });
    expect(await messageCount(db, threadId)).toBe(0);
  });

  it("takes 20 messages within 10 seconds, refuses the 21st with a clear message and stores nothing for it", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    for (let i = 1; i <= 20; i += 1) must(await send(db, team.student, threadId, `Message ${i}`));
    const refused = await send(db, team.student, threadId, "Message 21");
    expect(refused).toEqual({ ok: false, code: "rate_limited", message: RATE_LIMITED_MESSAGE, fieldErrors: {} });
    expect(RATE_LIMITED_MESSAGE).toMatch(/wait a few seconds/i);
    expect(await messageCount(db, threadId)).toBe(20);
    expect(await lastSeqOf(db, threadId)).toBe(20);
    // The limit is the author's own: others in the thread still talk.
    expect(must(await send(db, team.rep, threadId, "Take your time")).seq).toBe(21);
    // A retry of a message already stored is not a new send, so it is answered even now.
    const first = (await listMessages(db, team.student, threadId, { limit: 1, after: 0 }))!.messages[0]!;
    expect(must(await sendMessage(db, team.student, { threadId, clientMessageId: first.clientMessageId, body: first.body })).id).toBe(first.id);
    // Once the window has passed, they can send again.
    await db.update(messages).set({ createdAt: new Date(Date.now() - 11_000) }).where(eq(messages.authorId, team.student.id));
    expect(must(await send(db, team.student, threadId, "Message 21")).seq).toBe(22);
  });
});
