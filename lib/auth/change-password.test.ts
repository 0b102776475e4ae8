import { describe, expect, it } from "vitest";
import { claimsOf, createStudent, signIn } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { changeOwnPassword } from "./change-password";
import { loadSessionActor } from "./session-actor";

describe("changing one's own password", () => {
  it("needs the current password", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const result = await changeOwnPassword(db, student, { currentPassword: "not-it-at-all", newPassword: "another-password", confirmPassword: "another-password" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.currentPassword?.[0]).toBe("Current password is incorrect");
  });

  it("ends the user's other sessions and accepts the new password", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const otherSession = await claimsOf(db, student.id);
    const result = await changeOwnPassword(db, student, { currentPassword: student.password, newPassword: "another-password", confirmPassword: "another-password" });
    expect(result.ok).toBe(true);
    expect(await loadSessionActor(db, otherSession)).toBeNull();
    expect((await signIn(db, student.email, "another-password")).ok).toBe(true);
    expect(await signIn(db, student.email, student.password)).toMatchObject({ ok: false });
  });

  it("refuses a new password equal to the email", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const result = await changeOwnPassword(db, student, { currentPassword: student.password, newPassword: student.email, confirmPassword: student.email });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.newPassword?.[0]).toMatch(/cannot be your email/);
  });
});
