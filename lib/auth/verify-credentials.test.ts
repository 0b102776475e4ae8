import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts } from "@/db/schema";
import { createAdmin, createStudent, signIn } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "@/lib/rate-limit/sign-in-limits";
import { setUserBlocked } from "@/lib/users/set-user-blocked";

describe("signing in", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const result = await signIn(db, student.email.toUpperCase(), student.password);
    expect(result).toMatchObject({ ok: true, user: { id: student.id, role: "student" } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    expect(await signIn(db, student.email, "wrong-password-123")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await signIn(db, "nobody@example.test", "whatever-password")).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("tells a blocked user, with the right password, that the account is blocked", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const student = await createStudent(db);
    await setUserBlocked(db, admin, { userId: student.id }, true);
    expect(await signIn(db, student.email, student.password)).toEqual({ ok: false, reason: "blocked" });
    expect(await signIn(db, student.email, "wrong-password-123")).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("locks an account after repeated failures, even against the right password", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn(db, student.email, `wrong-${i}-password`, `10.0.0.${i}`);
    expect(await signIn(db, student.email, student.password, "10.0.1.1")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("limits unknown emails the same way, so probing reveals nothing", async () => {
    const db = await testDb();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn(db, "ghost@example.test", `wrong-${i}-password`, `10.0.2.${i}`);
    expect(await signIn(db, "ghost@example.test", "anything-at-all", "10.0.3.1")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("limits one address spraying many accounts", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await signIn(db, `spray${i}@example.test`, "wrong-password-1", "192.0.2.99");
    expect(await signIn(db, student.email, student.password, "192.0.2.99")).toEqual({ ok: false, reason: "rate_limited" });
    expect((await signIn(db, student.email, student.password, "192.0.2.100")).ok).toBe(true);
  });

  it("holds the limit under a burst of parallel guesses", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(db, student.email, `parallel-wrong-${i}`, `10.9.0.${i}`)));
    const rows = await db.select().from(loginAttempts).where(eq(loginAttempts.email, student.email));
    expect(rows.filter((r) => r.outcome === "invalid_credentials")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(rows.filter((r) => r.outcome === "rate_limited")).toHaveLength(12 - MAX_FAILURES_PER_ACCOUNT);
  });

  it("records every attempt with the address it came from", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    await signIn(db, student.email, student.password, "198.51.100.23");
    const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.userId, student.id));
    expect(row).toMatchObject({ ip: "198.51.100.23", succeeded: true, outcome: "success" });
  });
});
