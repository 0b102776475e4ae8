import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { visitorMessages, visitorSessions } from "@/db/schema";
import { must } from "@/test/assignment-fixtures";
import { createAdmin } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { authorizeVisitorChannel } from "./channel-auth";
import { channels } from "@/lib/realtime/channels";
import { MESSAGE_LIMIT_MESSAGE } from "./limits";
import { storeVisitorMessage } from "./store-message";
import { startVisitor } from "./test-helpers";
import { newVisitorToken } from "./tokens";
import { VISITOR_LIMITS } from "./types";
import { markVisitorRead } from "./visitor-read";
import { ENDED_MESSAGE, sendVisitorMessage } from "./visitor-send";
import { EXPIRED_TOKEN_MESSAGE } from "./visitor-session";
import { listVisitorMessagesAfter, loadVisitorConversation } from "./visitor-queries";

type Db = Awaited<ReturnType<typeof testDb>>;
const messageCount = async (db: Db, sessionId: string) => (await db.select({ n: count() }).from(visitorMessages).where(eq(visitorMessages.sessionId, sessionId)))[0]!.n;
const send = (db: Db, token: string, body: string, ip = "203.0.113.9", clientMessageId: string = randomUUID()) => sendVisitorMessage(db, token, { clientMessageId, body }, { ip });

describe("the visitor's conversation", () => {
  it("sends, reloads and catches up after a given seq, with staff names on staff messages", async () => {
    const db = await testDb();
    const admin = await createAdmin(db, "Ada Admin");
    const visitor = await startVisitor(db);
    const mine = must(await send(db, visitor.token, "  Anyone there?  "));
    expect(mine).toMatchObject({ seq: 2, author: "visitor", authorName: null, body: "Anyone there?", sessionId: visitor.session.id });
    await db.update(visitorSessions).set({ status: "claimed", claimedBy: admin.id, claimedAt: new Date() }).where(eq(visitorSessions.id, visitor.session.id));
    await db.transaction((tx) => storeVisitorMessage(tx, visitor.session.id, { authorKind: "staff", authorId: admin.id, clientMessageId: randomUUID(), body: "Hi, I am here" }));

    const loaded = must(await loadVisitorConversation(db, visitor.token));
    expect(loaded.session).toMatchObject({ id: visitor.session.id, status: "claimed", agentName: "Ada Admin", lastSeq: 3, staffReadSeq: 3 });
    expect(loaded.messages.map((m) => [m.seq, m.author, m.authorName])).toEqual([
      [1, "visitor", null],
      [2, "visitor", null],
      [3, "staff", "Ada Admin"],
    ]);
    expect(must(await listVisitorMessagesAfter(db, visitor.token, { after: "1" })).messages.map((m) => m.seq)).toEqual([2, 3]);
    expect(must(await listVisitorMessagesAfter(db, visitor.token, { after: "3" })).messages).toEqual([]);
    expect(await listVisitorMessagesAfter(db, visitor.token, { after: "-1" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await listVisitorMessagesAfter(db, visitor.token, { after: "1e309" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("loads only the newest page, oldest first", async () => {
    const db = await testDb();
    const visitor = await startVisitor(db);
    await db.transaction(async (tx) => {
      for (let i = 0; i < VISITOR_LIMITS.pageSize + 5; i++) await storeVisitorMessage(tx, visitor.session.id, { authorKind: "visitor", authorId: null, clientMessageId: randomUUID(), body: `#${i}` });
    });
    const loaded = must(await loadVisitorConversation(db, visitor.token));
    expect(loaded.messages).toHaveLength(VISITOR_LIMITS.pageSize);
    expect(loaded.messages[0]!.seq).toBe(7);
    expect(loaded.messages.at(-1)!.seq).toBe(VISITOR_LIMITS.pageSize + 6);
  });

  it("stores a retried clientMessageId once, even when the retries race", async () => {
    const db = await testDb();
    const visitor = await startVisitor(db);
    const clientMessageId = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => send(db, visitor.token, "Hello?", "203.0.113.10", clientMessageId)));
    const ids = new Set(results.map((r) => must(r).id));
    expect(ids.size).toBe(1);
    expect(await messageCount(db, visitor.session.id)).toBe(2);
    // The retry of the very first message (sent with the form) is the stored first message too.
    const first = visitor.messages[0]!;
    const [firstRow] = await db.select().from(visitorMessages).where(eq(visitorMessages.id, first.id));
    expect(must(await send(db, visitor.token, "changed", "203.0.113.10", firstRow!.clientMessageId)).id).toBe(first.id);
  });

  it("refuses to write to a closed or converted session (409), but a retry of a stored message still answers it", async () => {
    const db = await testDb();
    for (const status of ["closed", "converted"] as const) {
      const visitor = await startVisitor(db);
      const clientMessageId = randomUUID();
      const sent = must(await send(db, visitor.token, "Before the end", "203.0.113.11", clientMessageId));
      await db.update(visitorSessions).set({ status }).where(eq(visitorSessions.id, visitor.session.id));
      expect(await send(db, visitor.token, "After the end")).toMatchObject({ ok: false, code: "conflict", message: ENDED_MESSAGE });
      expect(must(await send(db, visitor.token, "Before the end", "203.0.113.11", clientMessageId)).id).toBe(sent.id);
      expect(await messageCount(db, visitor.session.id)).toBe(2);
      // Reading stays possible: the widget shows the ended conversation.
      expect(must(await loadVisitorConversation(db, visitor.token)).session.status).toBe(status);
    }
  });

  it(`limits a token to ${VISITOR_LIMITS.messagesPerTokenPerMinute} messages a minute, and an address to ${VISITOR_LIMITS.messagesPerIpPerMinute}`, async () => {
    const db = await testDb();
    const visitor = await startVisitor(db);
    for (let i = 0; i < VISITOR_LIMITS.messagesPerTokenPerMinute; i++) must(await send(db, visitor.token, `#${i}`, `198.18.0.${i}`));
    const before = await messageCount(db, visitor.session.id);
    expect(await send(db, visitor.token, "one too many", "198.18.1.1")).toMatchObject({ ok: false, code: "rate_limited", message: MESSAGE_LIMIT_MESSAGE });
    expect(await messageCount(db, visitor.session.id)).toBe(before);

    // Many visitors behind one address: the address's own limit.
    const ip = "198.18.2.2";
    const visitors = await Promise.all(Array.from({ length: 4 }, () => startVisitor(db)));
    let sent = 0;
    for (const v of visitors) for (let i = 0; i < VISITOR_LIMITS.messagesPerIpPerMinute / visitors.length; i++, sent++) must(await send(db, v.token, `${sent}`, ip));
    expect(await send(db, visitors[0]!.token, "over", ip)).toMatchObject({ ok: false, code: "rate_limited" });
    must(await send(db, visitors[0]!.token, "from elsewhere", "198.18.3.3"));
  });

  it("never lets one token reach another session, and refuses unknown tokens with 401", async () => {
    const db = await testDb();
    const alice = await startVisitor(db, { name: "Alice" });
    const bob = await startVisitor(db, { name: "Bob", question: "Bob's private question" });
    const loaded = must(await loadVisitorConversation(db, alice.token));
    expect(loaded.session.id).toBe(alice.session.id);
    expect(JSON.stringify(loaded)).not.toContain("Bob");
    expect(must(await send(db, alice.token, "mine")).sessionId).toBe(alice.session.id);
    expect(must(await listVisitorMessagesAfter(db, alice.token, { after: "0" })).messages.every((m) => m.sessionId === alice.session.id)).toBe(true);

    for (const token of [null, newVisitorToken(), "", "x".repeat(43)]) {
      expect(await loadVisitorConversation(db, token)).toMatchObject({ ok: false, code: "unauthenticated", message: EXPIRED_TOKEN_MESSAGE });
      expect(await sendVisitorMessage(db, token, { clientMessageId: randomUUID(), body: "hi" }, { ip: "203.0.113.12" })).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await markVisitorRead(db, token, { seq: 1 })).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await listVisitorMessagesAfter(db, token, { after: "0" })).toMatchObject({ ok: false, code: "unauthenticated" });
    }
    expect(await messageCount(db, bob.session.id)).toBe(1);
  });

  it("moves the visitor's read position forward only, never past the newest message", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const visitor = await startVisitor(db);
    for (let i = 0; i < 3; i++) await db.transaction((tx) => storeVisitorMessage(tx, visitor.session.id, { authorKind: "staff", authorId: admin.id, clientMessageId: randomUUID(), body: `reply ${i}` }));
    expect(must(await markVisitorRead(db, visitor.token, { seq: 3 }))).toEqual({ seq: 3 });
    expect(must(await markVisitorRead(db, visitor.token, { seq: 2 }))).toEqual({ seq: 3 });
    expect(must(await markVisitorRead(db, visitor.token, { seq: 999 }))).toEqual({ seq: 4 });
    expect(await markVisitorRead(db, visitor.token, { seq: -1 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await markVisitorRead(db, visitor.token, { seq: "3" })).toMatchObject({ ok: false, code: "invalid" });
    const [row] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, visitor.session.id));
    expect(row!.visitorReadSeq).toBe(4);
  });

  it("names bad message fields", async () => {
    const db = await testDb();
    const visitor = await startVisitor(db);
    const result = await sendVisitorMessage(db, visitor.token, { clientMessageId: "x", body: "   " }, { ip: "203.0.113.13" });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: ["Write a message"] } });
    const long = await sendVisitorMessage(db, visitor.token, { clientMessageId: randomUUID(), body: "é".repeat(2001) }, { ip: "203.0.113.13" });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: ["A message can be at most 2,000 characters"] } });
    // 2,000 astral characters are 4,000 UTF-16 units and still fit.
    must(await sendVisitorMessage(db, visitor.token, { clientMessageId: randomUUID(), body: "😀".repeat(2000) }, { ip: "203.0.113.13" }));
  });
});

describe("visitor channel authorization", () => {
  it("lets a visitor join only their own session's channel", async () => {
    const db = await testDb();
    const alice = await startVisitor(db);
    const bob = await startVisitor(db);
    expect(await authorizeVisitorChannel(db, alice.token, channels.visitorSession(alice.session.id))).toBe(true);
    expect(await authorizeVisitorChannel(db, alice.token, channels.visitorSession(bob.session.id))).toBe(false);
    expect(await authorizeVisitorChannel(db, alice.token, channels.support)).toBe(false);
    expect(await authorizeVisitorChannel(db, alice.token, channels.supportPresence)).toBe(false);
    expect(await authorizeVisitorChannel(db, alice.token, `${channels.visitorSession(alice.session.id)}x`)).toBe(false);
    expect(await authorizeVisitorChannel(db, null, channels.visitorSession(alice.session.id))).toBe(false);
    expect(await authorizeVisitorChannel(db, newVisitorToken(), channels.visitorSession(alice.session.id))).toBe(false);
  });

  it("follows the token to its newest session: the ended one's channel is no longer theirs", async () => {
    const db = await testDb();
    const first = await startVisitor(db);
    await db.update(visitorSessions).set({ status: "closed" }).where(eq(visitorSessions.id, first.session.id));
    const second = await startVisitor(db, {}, { token: first.token });
    expect(await authorizeVisitorChannel(db, first.token, channels.visitorSession(second.session.id))).toBe(true);
    expect(await authorizeVisitorChannel(db, first.token, channels.visitorSession(first.session.id))).toBe(false);
  });
});
