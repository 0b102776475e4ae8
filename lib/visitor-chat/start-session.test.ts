import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { notifications, rateLimitHits, visitorMessages, visitorSessions } from "@/db/schema";
import { taskKeys } from "@/lib/notifications/task-keys";
import { createAdmin, createStaff } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { hostIdentityHash } from "./identity";
import { SESSION_LIMIT_MESSAGE } from "./limits";
import { EMAIL_REQUIRED_MESSAGE, OFFLINE_EMAIL_MESSAGE } from "./schemas";
import { ALREADY_OPEN_MESSAGE, BLOCKED_MESSAGE, startVisitorSession } from "./start-session";
import { freshIp, offline, online, startForm, startVisitor } from "./test-helpers";
import { hashVisitorToken } from "./tokens";
import { VISITOR_LIMITS } from "./types";

// serverEnv() reads the environment once, on first use (no import uses it): set before any test runs.
const hostSecret = "host-site-shared-secret-of-32-characters!";
vi.stubEnv("WIDGET_IDENTITY_SECRET", hostSecret);

type Db = Awaited<ReturnType<typeof testDb>>;
const rows = async (db: Db) => ({
  sessions: (await db.select({ n: count() }).from(visitorSessions))[0]!.n,
  messages: (await db.select({ n: count() }).from(visitorMessages))[0]!.n,
  notifications: (await db.select({ n: count() }).from(notifications))[0]!.n,
  hits: (await db.select({ n: count() }).from(rateLimitHits))[0]!.n,
});

describe("starting a conversation", () => {
  it("stores only the token's hash; the visitor gets a 43-character token, the session and the first message", async () => {
    const db = await testDb();
    const started = await startVisitor(db, { email: " Vera@Example.ORG " });
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.session).toMatchObject({ status: "open", offline: false, name: "Vera Visitor", agentName: null, lastSeq: 1 });
    expect(started.messages).toEqual([expect.objectContaining({ seq: 1, author: "visitor", authorName: null, body: "Do you help with statistics homework?" })]);

    const [row] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, started.session.id));
    expect(row!.tokenHash).toBe(hashVisitorToken(started.token));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(started.token);
    expect(row).toMatchObject({ email: "vera@example.org", pageUrl: "https://www.example.org/pricing", timeZone: "Europe/London", userAgent: "Mozilla/5.0 (test)", visitorReadSeq: 1, verifiedExternalId: null });
    // What the widget gets back never carries the email, IP or page.
    expect(JSON.stringify(started.session)).not.toMatch(/vera@example|pricing|198\.51/);
  });

  it("needs only a name, the question and its id (online, email not required)", async () => {
    const db = await testDb();
    const started = await startVisitorSession(db, { name: "Min", question: "Hi", clientMessageId: randomUUID() }, { ip: freshIp(), userAgent: null, availability: online });
    expect(started).toMatchObject({ ok: true, data: { session: { name: "Min", offline: false } } });
  });

  it("drops page URLs that are not http(s) and zones Intl does not know, instead of refusing the visitor", async () => {
    const db = await testDb();
    const started = await startVisitor(db, { pageUrl: "javascript:alert(1)", referrer: "x".repeat(3000), timeZone: "Mars/Olympus" });
    const [row] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, started.session.id));
    expect(row).toMatchObject({ pageUrl: null, referrer: null, timeZone: null });
  });

  it("rings the bell of every active CS rep and admin, each with their own link to the session", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const rep = await createStaff(db, admin, "cs_rep", "Carla Rep");
    const teacher = await createStaff(db, admin, "teacher", "Tom Teacher");
    const started = await startVisitor(db);
    const bells = await db.select().from(notifications).where(eq(notifications.type, "visitor.waiting"));
    expect(bells.map((b) => b.userId).sort()).toEqual([admin.id, rep.id].sort());
    expect(bells.find((b) => b.userId === rep.id)).toMatchObject({ link: `/support/visitors/${started.session.id}`, title: "Vera Visitor is waiting in visitor chat", taskKey: taskKeys.serveVisitor(started.session.id) });
    expect(bells.find((b) => b.userId === admin.id)?.link).toBe(`/admin/visitors/${started.session.id}`);
    expect(bells.some((b) => b.userId === teacher.id)).toBe(false);
  });

  it("a filled honeypot is refused and writes nothing at all", async () => {
    const db = await testDb();
    await createAdmin(db);
    const before = await rows(db);
    const result = await startVisitorSession(db, startForm({ website: "https://spam.example" }), { ip: freshIp(), userAgent: null, availability: online });
    expect(result).toMatchObject({ ok: false, code: "invalid", message: BLOCKED_MESSAGE });
    expect(await rows(db)).toEqual(before);
  });

  it("names each bad field, and an invalid form is not counted against the address", async () => {
    const db = await testDb();
    const before = await rows(db);
    const result = await startVisitorSession(db, { name: " ", question: "x".repeat(2001), clientMessageId: "nope", email: "not-an-email" }, { ip: "203.0.113.50", userAgent: null, availability: online });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.fieldErrors.name).toEqual(["Enter your name"]);
    expect(result.fieldErrors.question).toEqual(["A message can be at most 2,000 characters"]);
    expect(result.fieldErrors.email).toEqual(["Enter a valid email address"]);
    expect(result.fieldErrors.clientMessageId?.[0]).toMatch(/UUID/);
    expect(await rows(db)).toEqual(before);
  });

  it("requires an email when the admin asks for one, and when no one is online (an offline lead)", async () => {
    const db = await testDb();
    const ip = freshIp();
    const required = await startVisitorSession(db, startForm(), { ip, userAgent: null, availability: { ...online, requireEmail: true } });
    expect(required).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: [EMAIL_REQUIRED_MESSAGE] } });
    const away = await startVisitorSession(db, startForm({ email: "" }), { ip, userAgent: null, availability: offline });
    expect(away).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: [OFFLINE_EMAIL_MESSAGE] } });

    const lead = await startVisitor(db, { email: "lead@example.org" }, { availability: offline });
    expect(lead.session.offline).toBe(true);
    await createAdmin(db);
    const leadAgain = await startVisitor(db, { email: "lead@example.org" }, { availability: offline });
    const [bell] = await db.select().from(notifications).where(eq(notifications.taskKey, taskKeys.serveVisitor(leadAgain.session.id)));
    expect(bell?.title).toBe("Offline message from Vera Visitor");
  });

  it(`allows ${VISITOR_LIMITS.sessionsPerIpPerHour} new sessions per address per hour, then 429 without writing`, async () => {
    const db = await testDb();
    const ip = "192.0.2.77";
    for (let i = 0; i < VISITOR_LIMITS.sessionsPerIpPerHour; i++) await startVisitor(db, {}, { ip });
    const before = await rows(db);
    const refused = await startVisitorSession(db, startForm(), { ip, userAgent: null, availability: online });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", message: SESSION_LIMIT_MESSAGE });
    expect(await rows(db)).toEqual(before);
    // Another address is not affected.
    await startVisitor(db, {}, { ip: "192.0.2.78" });
  });

  it("marks the visitor verified only when the host site's hash checks out", async () => {
    const db = await testDb();
    const timestamp = Math.floor(Date.now() / 1000);
    const identity = { userId: "host-user-7", timestamp, userHash: hostIdentityHash(hostSecret, "host-user-7", timestamp) };
    const started = await startVisitor(db, { identity });
    const [row] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, started.session.id));
    expect(row!.verifiedExternalId).toBe("host-user-7");

    const stale = await startVisitor(db, { identity: { ...identity, timestamp: timestamp - 11 * 60, userHash: hostIdentityHash(hostSecret, "host-user-7", timestamp - 11 * 60) } });
    const [staleRow] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, stale.session.id));
    expect(staleRow!.verifiedExternalId).toBeNull();

    const forged = await startVisitor(db, { identity: { ...identity, userHash: "0".repeat(64) } });
    const [forgedRow] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, forged.session.id));
    expect(forgedRow!.verifiedExternalId).toBeNull();
    // A malformed identity is dropped, not an error for the visitor.
    const malformed = await startVisitor(db, { identity: { userId: 7, timestamp: "soon", userHash: "<script>" } });
    expect(malformed.session.status).toBe("open");
  });

  it("a returning visitor keeps their token for a new conversation once the old one ended, but not while it is open", async () => {
    const db = await testDb();
    const first = await startVisitor(db);
    const again = await startVisitorSession(db, startForm(), { ip: freshIp(), userAgent: null, availability: online, token: first.token });
    expect(again).toMatchObject({ ok: false, code: "conflict", message: ALREADY_OPEN_MESSAGE });

    await db.update(visitorSessions).set({ status: "closed", closedAt: new Date() }).where(eq(visitorSessions.id, first.session.id));
    const second = await startVisitor(db, {}, { token: first.token });
    expect(second.token).toBe(first.token);
    expect(second.session.id).not.toBe(first.session.id);
    const [a, b] = await Promise.all([first.session.id, second.session.id].map(async (id) => (await db.select().from(visitorSessions).where(eq(visitorSessions.id, id)))[0]!.tokenHash));
    expect(a).toBe(b);
  });

  it("gives a malformed stored token no weight: the visitor simply gets a new one", async () => {
    const db = await testDb();
    const started = await startVisitor(db, { clientMessageId: randomUUID() }, { token: "not a token" });
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
