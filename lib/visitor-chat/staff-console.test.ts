import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, notifications, visitorMessages, visitorSessions } from "@/db/schema";
import { taskKeys } from "@/lib/notifications/task-keys";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/fixtures";
import { startTestVisitorSession } from "@/test/visitor-fixtures";
import { claimVisitorSession } from "./claim";
import { closeVisitorSession } from "./close";
import { countWaitingVisitors, listVisitorMessagesAfter, listVisitorQueue, loadVisitorSession } from "./queue-queries";
import { sendStaffVisitorMessage } from "./staff-send";
import { startVisitorSession } from "./start-session";
import { markVisitorSessionReadByStaff } from "./staff-read";
import { transferVisitorSession } from "./transfer";

type Db = Awaited<ReturnType<typeof testDb>>;

const sessionRow = async (db: Db, id: string) => (await db.select().from(visitorSessions).where(eq(visitorSessions.id, id)))[0]!;
const audits = async (db: Db, id: string, action: string) => (await db.select({ n: count() }).from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, action))))[0]?.n ?? 0;
const reply = (db: Db, actor: Actor, sessionId: string, body = "Hi, happy to help") => sendStaffVisitorMessage(db, actor, { sessionId, clientMessageId: randomUUID(), body });

describe("claiming a visitor", () => {
  it("exactly one of ten CS reps clicking at once wins; the others are told who has it", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const reps = [team.rep, ...(await Promise.all(Array.from({ length: 9 }, (_, i) => createStaff(db, team.admin, "cs_rep", `Racing Rep ${i}`))))];
    const session = await startTestVisitorSession(db);
    const results = await Promise.all(reps.map((rep) => claimVisitorSession(db, rep, { sessionId: session.id })));
    const winners = results.flatMap((result, i) => (result.ok ? [reps[i]!] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const result of results.filter((r) => !r.ok)) expect(result).toMatchObject({ code: "conflict", message: `${winner.name} has already taken this conversation` });
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "claimed", claimedBy: winner.id });
    expect(await audits(db, session.id, "visitor_session.claimed")).toBe(1);
    // Claiming one's own again is fine and changes nothing.
    expect(await claimVisitorSession(db, winner, { sessionId: session.id })).toMatchObject({ ok: true });
    expect(await audits(db, session.id, "visitor_session.claimed")).toBe(1);
  });

  it("refuses unknown and malformed ids as not found, and ended conversations as a conflict", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    expect(await claimVisitorSession(db, team.rep, { sessionId: randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
    expect(await claimVisitorSession(db, team.rep, { sessionId: "not-a-uuid" })).toMatchObject({ ok: false, code: "not_found" });
    const session = await startTestVisitorSession(db);
    must(await closeVisitorSession(db, team.rep, { sessionId: session.id, reason: "Spam" }));
    expect(await claimVisitorSession(db, team.rep, { sessionId: session.id })).toMatchObject({ ok: false, code: "conflict", message: "This conversation has been closed" });
  });
});

describe("who may serve visitors", () => {
  it("refuses students and teachers everywhere; CS reps and admins are let in", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const session = await startTestVisitorSession(db);
    for (const outsider of [team.student, team.teacher]) {
      await expect(listVisitorQueue(db, outsider, { view: "live" })).rejects.toBeInstanceOf(AppError);
      await expect(loadVisitorSession(db, outsider, session.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(claimVisitorSession(db, outsider, { sessionId: session.id })).rejects.toMatchObject({ code: "forbidden" });
      await expect(reply(db, outsider, session.id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(closeVisitorSession(db, outsider, { sessionId: session.id, reason: "x" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(transferVisitorSession(db, outsider, { sessionId: session.id, toUserId: team.rep.id })).rejects.toMatchObject({ code: "forbidden" });
      await expect(markVisitorSessionReadByStaff(db, outsider, { sessionId: session.id, seq: 1 })).rejects.toMatchObject({ code: "forbidden" });
      expect(await countWaitingVisitors(db, outsider)).toBe(0);
    }
    for (const staff of [team.rep, team.admin]) {
      expect((await listVisitorQueue(db, staff, { view: "live" })).items.map((item) => item.id)).toContain(session.id);
      expect(await loadVisitorSession(db, staff, session.id)).toMatchObject({ id: session.id });
      expect(await countWaitingVisitors(db, staff)).toBeGreaterThanOrEqual(1);
    }
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "open", staffReadSeq: 0 });
  });
});

describe("transferring", () => {
  it("the holder or an admin hands it to another active CS rep; nobody else can", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "cs_rep", "Otto Other");
    const third = await createStaff(db, team.admin, "cs_rep", "Thea Third");
    const session = await startTestVisitorSession(db);
    // Nobody has it yet: only an admin may assign it.
    expect(await transferVisitorSession(db, team.rep, { sessionId: session.id, toUserId: other.id })).toMatchObject({ ok: false, code: "forbidden" });
    must(await claimVisitorSession(db, team.rep, { sessionId: session.id }));
    expect(await transferVisitorSession(db, other, { sessionId: session.id, toUserId: third.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await transferVisitorSession(db, team.rep, { sessionId: session.id, toUserId: team.student.id })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { toUserId: [expect.any(String)] } });
    expect(await transferVisitorSession(db, team.rep, { sessionId: session.id, toUserId: team.teacher.id })).toMatchObject({ ok: false, code: "invalid" });
    expect(await transferVisitorSession(db, team.rep, { sessionId: session.id, toUserId: team.rep.id })).toMatchObject({ ok: false, code: "conflict" });
    must(await transferVisitorSession(db, team.rep, { sessionId: session.id, toUserId: other.id }));
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "claimed", claimedBy: other.id });
    // The former holder has no say any more; an admin always does.
    expect(await transferVisitorSession(db, team.rep, { sessionId: session.id, toUserId: third.id })).toMatchObject({ ok: false, code: "forbidden" });
    must(await transferVisitorSession(db, team.admin, { sessionId: session.id, toUserId: third.id }));
    expect(await sessionRow(db, session.id)).toMatchObject({ claimedBy: third.id });
    expect(await audits(db, session.id, "visitor_session.transferred")).toBe(2);
  });
});

describe("closing", () => {
  it("needs a reason of 1–300 characters, only for live conversations, by the holder or an admin", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "cs_rep", "Otto Other");
    const session = await startTestVisitorSession(db);
    must(await claimVisitorSession(db, team.rep, { sessionId: session.id }));
    expect(await closeVisitorSession(db, team.rep, { sessionId: session.id, reason: "  " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: [expect.stringMatching(/why/)] } });
    expect(await closeVisitorSession(db, team.rep, { sessionId: session.id, reason: "x".repeat(301) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await closeVisitorSession(db, other, { sessionId: session.id, reason: "Done" })).toMatchObject({ ok: false, code: "conflict" });
    must(await closeVisitorSession(db, team.rep, { sessionId: session.id, reason: "Answered the question" }));
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "closed", closedBy: team.rep.id, closeReason: "Answered the question" });
    expect(await closeVisitorSession(db, team.admin, { sessionId: session.id, reason: "Again" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await reply(db, team.rep, session.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await audits(db, session.id, "visitor_session.closed")).toBe(1);

    const another = await startTestVisitorSession(db);
    must(await claimVisitorSession(db, team.rep, { sessionId: another.id }));
    must(await closeVisitorSession(db, team.admin, { sessionId: another.id, reason: "Duplicate" }));
  });
});

describe("staff replies", () => {
  it("replying to a waiting visitor takes the conversation; then only the holder may write", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "cs_rep", "Otto Other");
    const session = await startTestVisitorSession(db, { messages: ["First question", "Second question"] });
    const first = must(await reply(db, team.rep, session.id, "Hello Vera"));
    expect(first).toMatchObject({ seq: 3, author: "staff", authorName: team.rep.name, body: "Hello Vera" });
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "claimed", claimedBy: team.rep.id, staffReadSeq: 3, lastSeq: 3 });
    expect(await reply(db, other, session.id)).toMatchObject({ ok: false, code: "conflict", message: `${team.rep.name} has already taken this conversation` });
    expect(await reply(db, team.admin, session.id)).toMatchObject({ ok: false, code: "conflict" });
    // A retry with the same id is the same message.
    const clientMessageId = randomUUID();
    const a = must(await sendStaffVisitorMessage(db, team.rep, { sessionId: session.id, clientMessageId, body: "Once" }));
    const b = must(await sendStaffVisitorMessage(db, team.rep, { sessionId: session.id, clientMessageId, body: "Once" }));
    expect(b.id).toBe(a.id);
    expect(await reply(db, team.rep, session.id, "x".repeat(2001))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [expect.any(String)] } });
    expect(await reply(db, team.rep, session.id, "   ")).toMatchObject({ ok: false, code: "invalid" });
    const all = await db.select().from(visitorMessages).where(eq(visitorMessages.sessionId, session.id));
    expect(all.map((m) => m.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4]);
    expect((await listVisitorMessagesAfter(db, team.rep, session.id, 2))!.map((m) => m.body)).toEqual(["Hello Vera", "Once"]);
  });

  it("two CS reps answering one waiting visitor at once: one reply lands, the other is told who has it", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "cs_rep", "Otto Other");
    const session = await startTestVisitorSession(db);
    const results = await Promise.all([reply(db, team.rep, session.id), reply(db, other, session.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.select({ n: count() }).from(visitorMessages).where(eq(visitorMessages.sessionId, session.id))).toEqual([{ n: 2 }]);
  });
});

describe("reading", () => {
  it("moves forward only, never past the last message, and only for the holder once taken", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const session = await startTestVisitorSession(db, { messages: ["a", "b", "c"] });
    expect(must(await markVisitorSessionReadByStaff(db, team.rep, { sessionId: session.id, seq: 2 }))).toEqual({ staffReadSeq: 2 });
    expect(must(await markVisitorSessionReadByStaff(db, team.rep, { sessionId: session.id, seq: 1 }))).toEqual({ staffReadSeq: 2 });
    expect(must(await markVisitorSessionReadByStaff(db, team.rep, { sessionId: session.id, seq: 99 }))).toEqual({ staffReadSeq: 3 });
    const later = await startTestVisitorSession(db, { messages: ["x", "y"] });
    must(await claimVisitorSession(db, team.rep, { sessionId: later.id }));
    expect(must(await markVisitorSessionReadByStaff(db, team.admin, { sessionId: later.id, seq: 2 }))).toEqual({ staffReadSeq: 0 });
    expect((await listVisitorQueue(db, team.rep, { view: "live" })).items.find((i) => i.id === later.id)?.unread).toBe(2);
    expect(await markVisitorSessionReadByStaff(db, team.rep, { sessionId: later.id, seq: -1 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await markVisitorSessionReadByStaff(db, team.rep, { sessionId: randomUUID(), seq: 1 })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("the queue and one conversation", () => {
  it("lists live, offline and ended apart, searches by name or email, pages without gaps, and shows earlier sessions", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const tag = randomUUID().slice(0, 8);
    const live = await Promise.all(Array.from({ length: 5 }, (_, i) => startTestVisitorSession(db, { name: `Live ${tag} ${i}` })));
    const offline = await startTestVisitorSession(db, { name: `Lead ${tag}`, offline: true, email: `lead.${tag}@example.test`, verified: true });
    const closedOne = await startTestVisitorSession(db, { name: `Gone ${tag}`, tokenHash: live[0]!.tokenHash });
    must(await closeVisitorSession(db, team.rep, { sessionId: closedOne.id, reason: "Spam" }));

    const pageOf = (view: "live" | "offline" | "closed", cursor?: string | null) => listVisitorQueue(db, team.rep, { view, q: tag, cursor, limit: 2 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await pageOf("live", cursor);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(live.map((s) => s.id).sort());
    expect((await pageOf("offline")).items).toMatchObject([{ id: offline.id, verified: true, offline: true, firstMessage: expect.stringMatching(/calculus/), unread: 1 }]);
    expect((await pageOf("closed")).items.map((i) => i.id)).toEqual([closedOne.id]);
    expect((await listVisitorQueue(db, team.rep, { view: "offline", q: `LEAD.${tag}@EXAMPLE` })).items.map((i) => i.id)).toEqual([offline.id]);
    expect((await listVisitorQueue(db, team.rep, { view: "live", q: "%" })).items.every((i) => i.name.includes("%") || i.email?.includes("%"))).toBe(true);

    const detail = await loadVisitorSession(db, team.rep, live[0]!.id);
    expect(detail).toMatchObject({ id: live[0]!.id, referrer: "https://search.example.test/", timeZone: "Europe/Paris", messages: [{ seq: 1, author: "visitor" }] });
    expect(detail?.earlier.map((e) => e.id)).toEqual([closedOne.id]);
    // Another session's id answers that session, never this one; unknown or malformed ids nothing.
    expect((await loadVisitorSession(db, team.rep, live[1]!.id))?.name).toBe(`Live ${tag} 1`);
    expect(await loadVisitorSession(db, team.rep, randomUUID())).toBeNull();
    expect(await loadVisitorSession(db, team.rep, "../etc")).toBeNull();
  });
});

describe("the bell that a visitor is waiting", () => {
  it("is resolved for every CS rep and admin once someone takes the conversation, by a claim or a first reply", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "cs_rep", "Second Rep");
    const start = async (name: string) =>
      must(
        await startVisitorSession(
          db,
          { name, question: "Can you help with a lab report?", clientMessageId: randomUUID() },
          { ip: `192.0.2.${Math.floor(Math.random() * 200) + 1}`, userAgent: null, availability: { online: true, withinHours: true, awayMessage: "", requireEmail: false } },
        ),
      );
    const waitingBells = async (sessionId: string) =>
      db
        .select({ userId: notifications.userId, resolvedAt: notifications.resolvedAt, readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.taskKey, taskKeys.serveVisitor(sessionId)));

    const claimed = await start("Claimed Visitor");
    const bells = await waitingBells(claimed.session.id);
    expect(bells.map((bell) => bell.userId)).toEqual(expect.arrayContaining([team.rep.id, other.id, team.admin.id]));
    expect(bells.every((bell) => bell.resolvedAt === null)).toBe(true);
    must(await claimVisitorSession(db, team.rep, { sessionId: claimed.session.id }));
    expect((await waitingBells(claimed.session.id)).every((bell) => bell.resolvedAt !== null && bell.readAt !== null)).toBe(true);

    const answered = await start("Answered Visitor");
    must(await reply(db, other, answered.session.id));
    expect((await waitingBells(answered.session.id)).every((bell) => bell.resolvedAt !== null)).toBe(true);

    const closed = await start("Closed Visitor");
    must(await closeVisitorSession(db, team.admin, { sessionId: closed.session.id, reason: "Spam" }));
    expect((await waitingBells(closed.session.id)).every((bell) => bell.resolvedAt !== null)).toBe(true);
  });
});
