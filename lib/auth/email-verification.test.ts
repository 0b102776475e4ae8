import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTokens, assignments, auditLogs, mailOutbox, payments, pendingEmailVerifications } from "@/db/schema";
import { requestAssignment } from "@/lib/assignments/request-assignment";
import { startStripeCheckout } from "@/lib/payments/stripe/create-checkout";
import { createStripeClient } from "@/lib/payments/stripe/client";
import { setUserBlocked } from "@/lib/users/set-user-blocked";
import { createTeam, pdfFile, testFileStore, writingInput } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { actorOf, createAdmin, createStaff, createStudent } from "@/test/fixtures";
import { invoiceIn } from "@/test/invoice-fixtures";
import { startStripeStandIn, type StripeStandIn } from "@/test/standins/stripe-server";
import { resetPasswordWithToken } from "./password-reset";
import { requestPasswordReset } from "./password-reset-request";
import { needsEmailVerification, resendVerificationEmail, verifyEmail, VERIFY_FIRST_MESSAGE } from "./email-verification";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());

async function verificationMailsTo(email: string) {
  const db = await testDb();
  return db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.kind, "email_verification"))).orderBy(desc(mailOutbox.createdAt));
}

function tokenIn(text: string): string {
  const match = /https:\/\/portal\.example\.test\/verify-email#token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no verification link in: ${text}`);
  return match[1];
}

async function latestToken(email: string) {
  const [mail] = await verificationMailsTo(email);
  return tokenIn(mail!.text);
}

describe("a new student's email", () => {
  it("gets a confirmation link at sign-up, and is confirmed by opening it once", async () => {
    const db = await testDb();
    const student = await createStudent(db, "Vera Verify", { verified: false });
    expect(await needsEmailVerification(db, student)).toBe(true);
    const token = await latestToken(student.email);

    expect(await verifyEmail(db, { token }, "203.0.113.20")).toEqual({ ok: true, data: { role: "student" } });
    expect(await needsEmailVerification(db, student)).toBe(false);
    const [audit] = await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, student.id), eq(auditLogs.action, "user.email_verified")));
    expect(audit).toMatchObject({ actorId: student.id, ip: "203.0.113.20" });
    expect(await verifyEmail(db, { token })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("answers a wrong, used, expired or blocked-account link the same way, and confirms nothing", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const expiring = await createStudent(db, "Ex Pired", { verified: false });
    const blocked = await createStudent(db, "Bea Blocked", { verified: false });
    const expiredToken = await latestToken(expiring.email);
    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, expiring.id));
    const blockedToken = await latestToken(blocked.email);
    expect((await setUserBlocked(db, admin, { userId: blocked.id }, true)).ok).toBe(true);

    const answers = [];
    for (const token of ["A".repeat(43), expiredToken, blockedToken, "", null, { token: "x" }]) answers.push(await verifyEmail(db, { token }));
    answers.push(await verifyEmail(db, "not an object"));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: false, code: "not_found" });
    expect(await needsEmailVerification(db, expiring)).toBe(true);
    expect(await needsEmailVerification(db, blocked)).toBe(true);
  });

  it("stops an unverified student from requesting help or paying, and lets them once confirmed", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    await db.insert(pendingEmailVerifications).values({ userId: team.student.id });
    const files = testFileStore();
    const before = await db.select({ id: assignments.id }).from(assignments);
    const stripe = { stripe: createStripeClient(standIn.secretKey, standIn.url), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/no" };

    const request = await requestAssignment(db, team.student, { ...writingInput(), files: [pdfFile()] }, files);
    expect(request).toMatchObject({ ok: false, code: "forbidden", message: VERIFY_FIRST_MESSAGE });
    const pay = await startStripeCheckout(db, team.student, { invoiceId }, stripe);
    expect(pay).toMatchObject({ ok: false, code: "forbidden", message: VERIFY_FIRST_MESSAGE });
    expect(await db.select({ id: assignments.id }).from(assignments)).toHaveLength(before.length);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoiceId))).toHaveLength(0);
    expect(files.storedFiles()).toHaveLength(0);

    await db.delete(pendingEmailVerifications).where(eq(pendingEmailVerifications.userId, team.student.id));
    expect((await requestAssignment(db, team.student, { ...writingInput(), files: [pdfFile()] }, files)).ok).toBe(true);
    expect((await startStripeCheckout(db, team.student, { invoiceId }, stripe)).ok).toBe(true);
  });

  it("counts staff set up by an admin, and fixture students, as confirmed", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const teacher = await createStaff(db, admin, "teacher");
    const student = await createStudent(db);
    for (const user of [admin, teacher, student]) expect(await needsEmailVerification(db, { id: user.id, role: "student" })).toBe(false);
    const pending = await db.select().from(pendingEmailVerifications);
    expect(pending.filter((row) => [admin.id, teacher.id, student.id].includes(row.userId))).toEqual([]);
    expect(await verificationMailsTo(teacher.email)).toHaveLength(0);
  });
});

describe("resending the confirmation link", () => {
  it("is not needed after a password reset, which proved the mailbox too", async () => {
    const db = await testDb();
    const student = await createStudent(db, "Pia Proven", { verified: false });
    expect((await requestPasswordReset(db, { email: student.email }, "192.0.2.99")).ok).toBe(true);
    const [mail] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, student.email), eq(mailOutbox.kind, "password_reset")));
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1];
    expect((await resetPasswordWithToken(db, { token, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }, "192.0.2.99")).ok).toBe(true);
    expect(await needsEmailVerification(db, student)).toBe(false);
  });

  it("sends a new working link, at most 3 an hour per account", async () => {
    const db = await testDb();
    const student = await createStudent(db, "Rhea Resend", { verified: false });
    const actor = { ...(await actorOf(db, student.id)), ip: "192.0.2.77" };
    for (let i = 0; i < 3; i++) expect(await resendVerificationEmail(db, actor)).toMatchObject({ ok: true, data: { message: expect.stringContaining(student.email) } });
    expect(await resendVerificationEmail(db, actor)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await verificationMailsTo(student.email)).toHaveLength(4);
    expect((await verifyEmail(db, { token: await latestToken(student.email) })).ok).toBe(true);
  });

  it("limits one IP across accounts, and tells a confirmed student there is nothing to do", async () => {
    const db = await testDb();
    const ip = "192.0.2.88";
    for (let i = 0; i < 5; i++) {
      const student = await createStudent(db, "Ivy Ip", { verified: false });
      const actor = { ...(await actorOf(db, student.id)), ip };
      expect((await resendVerificationEmail(db, actor)).ok).toBe(true);
      expect((await resendVerificationEmail(db, actor)).ok).toBe(true);
    }
    const last = await createStudent(db, "Ivy Last", { verified: false });
    expect(await resendVerificationEmail(db, { ...(await actorOf(db, last.id)), ip })).toMatchObject({ ok: false, code: "rate_limited" });
    const verified = await createStudent(db);
    expect(await resendVerificationEmail(db, verified)).toEqual({ ok: true, data: { message: "Your email is already confirmed." } });
    expect(await verificationMailsTo(verified.email)).toHaveLength(1);
  });
});
