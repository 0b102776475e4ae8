import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { accountTokens, auditLogs, mailOutbox, users } from "@/db/schema";
import { testDb } from "@/test/db";
import { claimsOf, createAdmin, createStudent, signIn, TEST_PASSWORD, uniqueEmail } from "@/test/fixtures";
import { setUserBlocked } from "@/lib/users/set-user-blocked";
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from "./password-reset-request";
import { checkResetLink, resetPasswordWithToken } from "./password-reset";
import { loadSessionActor } from "./session-actor";

const NEW_PASSWORD = "a-brand-new-password";
let ipCounter = 0;
// Each test asks from its own address, so the per-IP limit is only met where a test means it.
const freshIp = () => `198.51.100.${++ipCounter}`;

async function resetMailsTo(email: string) {
  const db = await testDb();
  return db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.kind, "password_reset"))).orderBy(desc(mailOutbox.createdAt));
}

/** The token as the person reads it in the email: after #token= in the link. */
function tokenIn(text: string): string {
  const match = /\/reset-password#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
  return match[1];
}

async function askForLink(email: string, ip = freshIp()) {
  const db = await testDb();
  const result = await requestPasswordReset(db, { email }, ip);
  expect(result.ok).toBe(true);
  const [mail] = await resetMailsTo(email);
  return tokenIn(mail!.text);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("asking for a reset link", () => {
  it("answers the same whether or not the email has an account, and mails only a real one", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const known = await requestPasswordReset(db, { email: student.email.toUpperCase() }, freshIp());
    const unknownEmail = uniqueEmail("nobody");
    const unknown = await requestPasswordReset(db, { email: unknownEmail }, freshIp());
    expect(known).toEqual({ ok: true, data: { message: RESET_REQUESTED_MESSAGE } });
    expect(unknown).toEqual(known);
    expect(await resetMailsTo(student.email)).toHaveLength(1);
    expect(await resetMailsTo(unknownEmail)).toHaveLength(0);
  });

  it("mails a link built from APP_URL, valid for 30 minutes, whose token is stored only as its SHA-256", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const token = await askForLink(student.email);
    const [mail] = await resetMailsTo(student.email);
    expect(mail!.text).toContain(`https://portal.example.test/reset-password#token=${token}`);
    expect(mail!.html).toContain(`href="https://portal.example.test/reset-password#token=${token}"`);
    const [row] = await db.select().from(accountTokens).where(and(eq(accountTokens.userId, student.id), eq(accountTokens.purpose, "password_reset")));
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const minutes = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30.1);
  });

  it("refuses a malformed email beside the field and sends nothing", async () => {
    const db = await testDb();
    const result = await requestPasswordReset(db, { email: "not an email" }, freshIp());
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok) expect(result.fieldErrors.email?.join(" ")).toMatch(/valid email/);
  });

  it("sends a blocked account no link, with the same answer", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const student = await createStudent(db);
    expect((await setUserBlocked(db, admin, { userId: student.id }, true)).ok).toBe(true);
    const result = await requestPasswordReset(db, { email: student.email }, freshIp());
    expect(result).toEqual({ ok: true, data: { message: RESET_REQUESTED_MESSAGE } });
    expect(await resetMailsTo(student.email)).toHaveLength(0);
  });

  it("limits links per email (known or not) to 3 an hour, whatever the IP", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    for (const email of [student.email, uniqueEmail("nobody")]) {
      for (let i = 0; i < 3; i++) expect((await requestPasswordReset(db, { email }, freshIp())).ok).toBe(true);
      const fourth = await requestPasswordReset(db, { email }, freshIp());
      expect(fourth).toMatchObject({ ok: false, code: "rate_limited" });
    }
    expect(await resetMailsTo(student.email)).toHaveLength(3);
  });

  it("limits one IP to 10 requests an hour across emails, and counts nothing it refuses", async () => {
    const db = await testDb();
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await requestPasswordReset(db, { email: uniqueEmail("probe") }, ip)).ok).toBe(true);
    const student = await createStudent(db);
    expect(await requestPasswordReset(db, { email: student.email }, ip)).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/network/) });
    expect(await resetMailsTo(student.email)).toHaveLength(0);
    // The refused request was not counted against the email: from elsewhere it still gets its 3.
    for (let i = 0; i < 3; i++) expect((await requestPasswordReset(db, { email: student.email }, freshIp())).ok).toBe(true);
  });

  it("holds the per-email limit under a burst of parallel requests", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const results = await Promise.all(Array.from({ length: 8 }, () => requestPasswordReset(db, { email: student.email }, freshIp())));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await resetMailsTo(student.email)).toHaveLength(3);
  });
});

describe("setting a new password through the link", () => {
  it("changes the password, ends every session, uses the link up and is audited", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const oldSession = await claimsOf(db, student.id);
    const token = await askForLink(student.email);
    expect(await checkResetLink(db, token)).toBe(true);

    const result = await resetPasswordWithToken(db, { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "203.0.113.9");
    expect(result).toEqual({ ok: true, data: { email: student.email } });

    expect(await loadSessionActor(db, oldSession)).toBeNull();
    expect(await signIn(db, student.email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: "invalid_credentials" });
    expect(await signIn(db, student.email, NEW_PASSWORD)).toMatchObject({ ok: true });
    const [audit] = await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, student.id), eq(auditLogs.action, "user.password_reset_by_email")));
    expect(audit).toMatchObject({ actorId: student.id, ip: "203.0.113.9" });

    expect(await checkResetLink(db, token)).toBe(false);
    const again = await resetPasswordWithToken(db, { token, newPassword: "yet-another-password", confirmPassword: "yet-another-password" }, freshIp());
    expect(again).toMatchObject({ ok: false, code: "not_found" });
    expect(await signIn(db, student.email, NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  it("one reset uses up every other open link of the account", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const first = await askForLink(student.email);
    const second = await askForLink(student.email);
    expect(first).not.toBe(second);
    expect((await resetPasswordWithToken(db, { token: second, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, freshIp())).ok).toBe(true);
    expect(await checkResetLink(db, first)).toBe(false);
  });

  it("gives one answer for a wrong, expired or blocked-account link, and changes nothing", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const [expiring, blocked] = [await createStudent(db), await createStudent(db)];
    const expiredToken = await askForLink(expiring.email);
    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, expiring.id));
    const blockedToken = await askForLink(blocked.email);
    const hashesBefore = await db.select({ id: users.id, hash: users.passwordHash }).from(users);
    expect((await setUserBlocked(db, admin, { userId: blocked.id }, true)).ok).toBe(true);

    const wrong = "A".repeat(43);
    const answers = [];
    for (const token of [wrong, expiredToken, blockedToken, "short", "", undefined, 42]) {
      expect(await checkResetLink(db, token)).toBe(false);
      answers.push(await resetPasswordWithToken(db, { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, freshIp()));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.select({ id: users.id, hash: users.passwordHash }).from(users)).toEqual(expect.arrayContaining(hashesBefore));
    expect(await signIn(db, expiring.email, TEST_PASSWORD)).toMatchObject({ ok: true });
    await setUserBlocked(db, admin, { userId: blocked.id }, false);
    expect(await signIn(db, blocked.email, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it("keeps the app's password rules, with the link still usable after a refusal", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const token = await askForLink(student.email);
    const short = await resetPasswordWithToken(db, { token, newPassword: "short", confirmPassword: "short" }, freshIp());
    expect(short).toMatchObject({ ok: false, code: "invalid" });
    if (!short.ok) expect(short.fieldErrors.newPassword?.join(" ")).toMatch(/at least 10/);
    const mismatch = await resetPasswordWithToken(db, { token, newPassword: NEW_PASSWORD, confirmPassword: "something-else" }, freshIp());
    if (!mismatch.ok) expect(mismatch.fieldErrors.confirmPassword?.join(" ")).toMatch(/do not match/);
    const email = await resetPasswordWithToken(db, { token, newPassword: student.email, confirmPassword: student.email }, freshIp());
    if (!email.ok) expect(email.fieldErrors.newPassword?.join(" ")).toMatch(/cannot be your email/);
    expect(await checkResetLink(db, token)).toBe(true);
  });

  it("unlocks an account that failed sign-in too often, once the mailbox is proven", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    for (let i = 0; i < 5; i++) await signIn(db, student.email, "wrong-password-123");
    expect(await signIn(db, student.email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: "rate_limited" });
    const token = await askForLink(student.email);
    expect((await resetPasswordWithToken(db, { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, freshIp())).ok).toBe(true);
    expect(await signIn(db, student.email, NEW_PASSWORD, "192.0.2.50")).toMatchObject({ ok: true });
  });

  it("never writes the token to the log", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    vi.stubEnv("LOG_LEVEL", "debug");
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(String(line)));
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(String(line)));
    const token = await askForLink(student.email);
    await resetPasswordWithToken(db, { token, newPassword: "short", confirmPassword: "short" }, freshIp());
    await resetPasswordWithToken(db, { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, freshIp());
    await resetPasswordWithToken(db, { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, freshIp());
    expect(lines.some((line) => line.includes("password reset"))).toBe(true);
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.join("\n")).not.toContain(createHash("sha256").update(token).digest("hex"));
  });
});
