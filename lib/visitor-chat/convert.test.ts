import { randomUUID } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, messages, threadParticipants, threads, users, visitorSessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { resetPasswordWithToken } from "@/lib/auth/password-reset";
import { registerStudent } from "@/lib/auth/register-student";
import { listInbox, listMessages } from "@/lib/messaging/queries";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { actorOf, createStaff, signIn } from "@/test/fixtures";
import { startTestVisitorSession } from "@/test/visitor-fixtures";
import { claimVisitorSession } from "./claim";
import { closeVisitorSession } from "./close";
import { convertVisitorSession } from "./convert";
import { sendStaffVisitorMessage } from "./staff-send";

type Db = Awaited<ReturnType<typeof testDb>>;

const userCount = async (db: Db) => (await db.select({ n: count() }).from(users))[0]?.n ?? 0;
const threadCount = async (db: Db) => (await db.select({ n: count() }).from(threads))[0]?.n ?? 0;
const sessionRow = async (db: Db, id: string) => (await db.select().from(visitorSessions).where(eq(visitorSessions.id, id)))[0]!;
const reply = (db: Db, actor: Actor, sessionId: string, body: string) => sendStaffVisitorMessage(db, actor, { sessionId, clientMessageId: randomUUID(), body });
const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, "");

describe("converting a visitor into a student", () => {
  it("creates the account, hands a one-time set-password link, and puts the whole conversation in the new inbox", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const session = await startTestVisitorSession(db, { name: "Vera Visitor", messages: ["Hi, I need help with integrals", "It's due Friday"] });
    must(await reply(db, team.rep, session.id, "Sure, I can set that up"));
    const email = `vera.${randomUUID().slice(0, 6)}@example.test`;
    const conversion = must(await convertVisitorSession(db, team.rep, { sessionId: session.id, fullName: " Vera V. Visitor ", email: email.toUpperCase() }));
    expect(conversion).toMatchObject({ email, expiresInDays: 7, setPasswordUrl: expect.stringMatching(/^https:\/\/portal\.example\.test\/set-password#token=[A-Za-z0-9_-]{43}$/) });

    const row = await sessionRow(db, session.id);
    expect(row).toMatchObject({ status: "converted", convertedUserId: conversion.userId, convertedThreadId: conversion.threadId });
    expect(row.convertedAt).toBeInstanceOf(Date);
    const audited = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "visitor_session.converted"), eq(auditLogs.targetId, session.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorId: team.rep.id });

    const student = await actorOf(db, conversion.userId);
    expect(student).toMatchObject({ role: "student", name: "Vera V. Visitor", email });
    // The thread: subject names the CS rep, messages copied in order with the right authors.
    const [thread] = await db.select().from(threads).where(eq(threads.id, conversion.threadId));
    expect(thread).toMatchObject({ kind: "direct", subject: `Chat with ${team.rep.name} before sign-up`, lastSeq: 3 });
    const copied = await db.select().from(messages).where(eq(messages.threadId, conversion.threadId)).orderBy(asc(messages.seq));
    expect(copied.map((m) => [m.seq, m.authorId, m.body])).toEqual([
      [1, student.id, "Hi, I need help with integrals"],
      [2, student.id, "It's due Friday"],
      [3, team.rep.id, "Sure, I can set that up"],
    ]);
    expect(thread?.lastMessageId).toBe(copied[2]!.id);
    expect(thread?.lastMessageAt?.toISOString()).toBe(copied[2]!.createdAt.toISOString());
    const members = await db.select().from(threadParticipants).where(eq(threadParticipants.threadId, conversion.threadId));
    expect(members.map((m) => m.userId).sort()).toEqual([student.id, team.rep.id].sort());
    for (const member of members) expect(member).toMatchObject({ lastReadSeq: 3, unreadCount: 0, unreadSince: null });

    // The student finds it in their inbox (next to their Support thread) and reads it all.
    const inbox = await listInbox(db, student);
    expect(inbox.items.map((i) => i.id)).toContain(conversion.threadId);
    expect(inbox.items.find((i) => i.id === conversion.threadId)?.unreadCount).toBe(0);
    expect((await listMessages(db, student, conversion.threadId))!.messages.map((m) => m.body)).toHaveLength(3);

    // The link sets the password once; then the student signs in with it.
    const token = tokenOf(conversion.setPasswordUrl);
    expect(await resetPasswordWithToken(db, { token, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }, "198.51.100.9")).toMatchObject({ ok: false, code: "not_found" });
    must(await resetPasswordWithToken(db, { token, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }, "198.51.100.9", "account_setup"));
    expect(await resetPasswordWithToken(db, { token, newPassword: "another-new-password", confirmPassword: "another-new-password" }, "198.51.100.9", "account_setup")).toMatchObject({ ok: false, code: "not_found" });
    expect((await signIn(db, email, "a-brand-new-password")).ok).toBe(true);
  });

  it("converting twice, even at the same moment, makes one account and says it is done", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const session = await startTestVisitorSession(db);
    must(await claimVisitorSession(db, team.rep, { sessionId: session.id }));
    const before = await userCount(db);
    const input = { sessionId: session.id, fullName: "Vera Visitor", email: `twice.${randomUUID().slice(0, 6)}@example.test` };
    const results = await Promise.all([convertVisitorSession(db, team.rep, input), convertVisitorSession(db, team.rep, input), convertVisitorSession(db, team.rep, { ...input, email: "other@example.test" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ code: "conflict", message: expect.stringMatching(/already has an account/) });
    expect(await userCount(db)).toBe(before + 1);
    expect(await convertVisitorSession(db, team.rep, input)).toMatchObject({ ok: false, code: "conflict" });
    expect(await userCount(db)).toBe(before + 1);
  });

  it("an email that already has an account is a message beside the field, and nothing is written", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const session = await startTestVisitorSession(db);
    must(await claimVisitorSession(db, team.rep, { sessionId: session.id }));
    const [users0, threads0] = [await userCount(db), await threadCount(db)];
    const result = await convertVisitorSession(db, team.rep, { sessionId: session.id, fullName: "Vera", email: team.student.email.toUpperCase() });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: [expect.stringMatching(/already exists/)] } });
    expect([await userCount(db), await threadCount(db)]).toEqual([users0, threads0]);
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "claimed", convertedUserId: null });
    expect(await convertVisitorSession(db, team.rep, { sessionId: session.id, fullName: "", email: "bad" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { fullName: [expect.any(String)], email: [expect.any(String)] } });
  });

  it("only the holder (or any admin) converts; a closed conversation cannot be converted", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "cs_rep", "Otto Other");
    const session = await startTestVisitorSession(db);
    const input = (email: string) => ({ sessionId: session.id, fullName: "Vera", email });
    expect(await convertVisitorSession(db, team.rep, input("a@example.test"))).toMatchObject({ ok: false, code: "forbidden" });
    must(await claimVisitorSession(db, team.rep, { sessionId: session.id }));
    expect(await convertVisitorSession(db, other, input("a@example.test"))).toMatchObject({ ok: false, code: "conflict" });
    await expect(convertVisitorSession(db, team.student, input("a@example.test"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(convertVisitorSession(db, team.teacher, input("a@example.test"))).rejects.toMatchObject({ code: "forbidden" });
    const byAdmin = must(await convertVisitorSession(db, team.admin, input(`admin.conv.${randomUUID().slice(0, 6)}@example.test`)));
    // The admin who converted is the participant beside the student; staff messages keep their author.
    expect((await db.select().from(threadParticipants).where(eq(threadParticipants.threadId, byAdmin.threadId))).map((p) => p.userId).sort()).toEqual([byAdmin.userId, team.admin.id].sort());

    const closed = await startTestVisitorSession(db);
    must(await closeVisitorSession(db, team.rep, { sessionId: closed.id, reason: "Spam" }));
    expect(await convertVisitorSession(db, team.admin, { sessionId: closed.id, fullName: "Vera", email: "c@example.test" })).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/closed/) });
  });
});

describe("attaching a conversation when the visitor registers", () => {
  const register = (db: Db, email: string, visitor: string) => registerStudent(db, { fullName: "Vera Visitor", email, password: "a-long-password", confirmPassword: "a-long-password", visitor });

  it("with the session's email (any letter case) the conversation becomes a thread in the new inbox", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const email = `reg.${randomUUID().slice(0, 6)}@example.test`;
    const session = await startTestVisitorSession(db, { email, messages: ["Question one", "Question two"] });
    must(await reply(db, team.rep, session.id, "Create an account and I'll set it up"));
    const registered = must(await register(db, email.toUpperCase(), session.id));
    const row = await sessionRow(db, session.id);
    expect(row).toMatchObject({ status: "converted", convertedUserId: registered.userId });
    const copied = await db.select().from(messages).where(eq(messages.threadId, row.convertedThreadId!)).orderBy(asc(messages.seq));
    expect(copied.map((m) => [m.seq, m.authorId, m.body])).toEqual([
      [1, registered.userId, "Question one"],
      [2, registered.userId, "Question two"],
      [3, team.rep.id, "Create an account and I'll set it up"],
    ]);
    const members = await db.select({ userId: threadParticipants.userId }).from(threadParticipants).where(eq(threadParticipants.threadId, row.convertedThreadId!));
    expect(members.map((m) => m.userId).sort()).toEqual([registered.userId, team.rep.id].sort());
    const audited = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "visitor_session.converted"), eq(auditLogs.targetId, session.id)));
    expect(audited).toMatchObject([{ actorId: registered.userId, metadata: { via: "registration" } }]);
  });

  it("with another email, a malformed id, or an ended session the account is made and nothing is attached", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const session = await startTestVisitorSession(db, { email: "someone.else@example.test" });
    const threads0 = await threadCount(db);
    must(await register(db, `mismatch.${randomUUID().slice(0, 6)}@example.test`, session.id));
    expect(await sessionRow(db, session.id)).toMatchObject({ status: "open", convertedUserId: null });
    // Only the new Support thread was made.
    expect(await threadCount(db)).toBe(threads0 + 1);
    must(await register(db, `malformed.${randomUUID().slice(0, 6)}@example.test`, "not-a-uuid"));

    const closedEmail = `closed.${randomUUID().slice(0, 6)}@example.test`;
    const closed = await startTestVisitorSession(db, { email: closedEmail });
    must(await closeVisitorSession(db, team.rep, { sessionId: closed.id, reason: "Answered" }));
    must(await register(db, closedEmail, closed.id));
    expect(await sessionRow(db, closed.id)).toMatchObject({ status: "closed", convertedUserId: null });
  });
});
