import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, notifications, users } from "@/db/schema";
import { loadSessionActor } from "@/lib/auth/session-actor";
import { AppError } from "@/lib/errors";
import { actorOf, claimsOf, createAdmin, createStaff, createStudent, signIn } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { completeForcedPasswordChange } from "@/lib/auth/change-password";
import { createStaffUser } from "./create-staff-user";
import { resetUserPassword } from "./reset-password";
import { setUserBlocked } from "./set-user-blocked";

describe("creating staff", () => {
  it("gives each role its own public id sequence and a one-time temporary password", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const teacher = await createStaff(db, admin, "teacher", "Tara Teacher");
    const rep = await createStaff(db, admin, "cs_rep", "Carl Rep");
    expect(teacher.publicId).toMatch(/^TCH-\d{6}$/);
    expect(rep.publicId).toMatch(/^CSR-\d{6}$/);
    expect(teacher.mustChangePassword).toBe(true);
    expect((await signIn(db, teacher.email, teacher.password)).ok).toBe(true);
  });

  it("audits the creation and notifies the new user in the same change", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const teacher = await createStaff(db, admin, "teacher");
    const audit = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "user.created"), eq(auditLogs.targetId, teacher.id)));
    expect(audit[0]).toMatchObject({ actorId: admin.id, ip: admin.ip });
    const notes = await db.select().from(notifications).where(eq(notifications.userId, teacher.id));
    expect(notes.map((n) => n.type)).toContain("account.created");
  });

  it("refuses students in the role field, duplicates in any case, and non-admins", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const rep = await createStaff(db, admin, "cs_rep");
    const bad = await createStaffUser(db, admin, { fullName: "X Y", email: "x@example.test", role: "student" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors.role?.[0]).toMatch(/Choose a role/);
    const dup = await createStaffUser(db, admin, { fullName: "X Y", email: rep.email.toUpperCase(), role: "teacher" });
    expect(dup).toMatchObject({ ok: false, code: "conflict" });
    await expect(createStaffUser(db, rep, { fullName: "X Y", email: "z@example.test", role: "admin" })).rejects.toThrow(AppError);
  });
});

describe("blocking", () => {
  it("ends the user's sessions at once and lets an admin unblock", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const student = await createStudent(db);
    const claims = await claimsOf(db, student.id);
    expect(await loadSessionActor(db, claims)).not.toBeNull();
    expect((await setUserBlocked(db, admin, { userId: student.id }, true)).ok).toBe(true);
    expect(await loadSessionActor(db, claims)).toBeNull();
    expect((await setUserBlocked(db, admin, { userId: student.id }, false)).ok).toBe(true);
    // The old session stays ended; the user signs in again.
    expect(await loadSessionActor(db, claims)).toBeNull();
    expect((await signIn(db, student.email, student.password)).ok).toBe(true);
    const actions = (await db.select().from(auditLogs).where(eq(auditLogs.targetId, student.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.blocked", "user.unblocked"]));
  });

  it("does not let an admin block themselves or the last active admin", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    expect(await setUserBlocked(db, admin, { userId: admin.id }, true)).toMatchObject({ ok: false, message: "You cannot block your own account" });
    const second = await createStaff(db, admin, "admin", "Second Admin");
    expect((await setUserBlocked(db, admin, { userId: second.id }, true)).ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row?.status).toBe("active");
  });

  it("answers an unknown or malformed id as not found, and refuses non-admins", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const student = await createStudent(db);
    expect(await setUserBlocked(db, admin, { userId: "00000000-0000-4000-8000-000000000000" }, true)).toMatchObject({ code: "not_found" });
    expect(await setUserBlocked(db, admin, { userId: "1 or 1=1" }, true)).toMatchObject({ code: "not_found" });
    await expect(setUserBlocked(db, student, { userId: admin.id }, true)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("resetting a password", () => {
  it("ends sessions, forces a new password, and lets the temporary one sign in once changed", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const student = await createStudent(db);
    const claims = await claimsOf(db, student.id);
    const reset = await resetUserPassword(db, admin, { userId: student.id });
    if (!reset.ok) throw new Error(reset.message);
    expect(await loadSessionActor(db, claims)).toBeNull();
    expect(await signIn(db, student.email, student.password)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect((await signIn(db, student.email, reset.data.temporaryPassword)).ok).toBe(true);

    const forced = await actorOf(db, student.id);
    expect(forced.mustChangePassword).toBe(true);
    const same = await completeForcedPasswordChange(db, forced, { newPassword: reset.data.temporaryPassword, confirmPassword: reset.data.temporaryPassword });
    expect(same.ok).toBe(false);
    const changed = await completeForcedPasswordChange(db, forced, { newPassword: "my-brand-new-pass", confirmPassword: "my-brand-new-pass" });
    expect(changed.ok).toBe(true);
    expect((await actorOf(db, student.id)).mustChangePassword).toBe(false);
    expect((await signIn(db, student.email, "my-brand-new-pass")).ok).toBe(true);

    const notes = await db.select().from(notifications).where(eq(notifications.userId, student.id));
    expect(notes.map((n) => n.type)).toContain("account.password_reset");
    const audit = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "user.password_reset"), eq(auditLogs.targetId, student.id)));
    expect(audit).toHaveLength(1);
  });

  it("is refused to a CS rep", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const rep = await createStaff(db, admin, "cs_rep");
    await expect(resetUserPassword(db, rep, { userId: admin.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
