import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { profiles, users } from "@/db/schema";
import { testDb } from "@/test/db";
import { registerStudent } from "./register-student";

const good = { fullName: "Maya Lopez", email: "Maya.Lopez@Example.test ", password: "a-long-password", confirmPassword: "a-long-password" };

async function userCount() {
  const db = await testDb();
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

async function zoneOf(email: string) {
  const db = await testDb();
  const [row] = await db.select({ zone: profiles.timeZone }).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(users.email, email));
  return row?.zone;
}

describe("student registration", () => {
  it("creates a student with a normalized email and a STU public id", async () => {
    const db = await testDb();
    const result = await registerStudent(db, good);
    expect(result.ok).toBe(true);
    const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "maya.lopez@example.test") });
    expect(user?.role).toBe("student");
    expect(user?.passwordHash.startsWith("$argon2id$")).toBe(true);
    const profile = await db.query.profiles.findFirst({ where: (p, { eq }) => eq(p.userId, user!.id) });
    expect(profile?.publicId).toMatch(/^STU-\d{6}$/);
  });

  it("refuses the same email in another letter case and writes nothing", async () => {
    const db = await testDb();
    const before = await userCount();
    const result = await registerStudent(db, { ...good, email: "MAYA.LOPEZ@EXAMPLE.TEST" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    if (!result.ok) expect(result.fieldErrors.email?.[0]).toMatch(/already exists/);
    expect(await userCount()).toBe(before);
  });

  it.each([
    ["empty name", { fullName: "" }, "fullName", /Enter a name/],
    ["markup in the name", { fullName: "<script>alert(1)</script>" }, "fullName", /cannot contain/],
    ["too long a name", { fullName: "x".repeat(121) }, "fullName", /at most 120/],
    ["malformed email", { email: "not-an-email" }, "email", /valid email/],
    ["short password", { password: "short", confirmPassword: "short" }, "password", /at least 10/],
    ["mismatched confirmation", { confirmPassword: "something-else" }, "confirmPassword", /do not match/],
    ["password equal to the email", { email: "pw@example.test", password: "pw@example.test", confirmPassword: "pw@example.test" }, "password", /cannot be your email/],
  ])("refuses %s with a message beside the field and writes nothing", async (_label, change, field, message) => {
    const db = await testDb();
    const before = await userCount();
    const result = await registerStudent(db, { ...good, email: `other.${field}@example.test`, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]?.join(" ")).toMatch(message);
    expect(await userCount()).toBe(before);
  });

  it("starts the student in the zone their browser sent", async () => {
    const db = await testDb();
    const result = await registerStudent(db, { ...good, email: "toronto@example.test", timeZone: "America/Toronto" });
    expect(result.ok).toBe(true);
    expect(await zoneOf("toronto@example.test")).toBe("America/Toronto");
  });

  it.each([
    ["no zone", undefined],
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["markup instead of a zone", "<script>"],
    ["several values", ["Europe/Paris", "Asia/Tokyo"]],
  ])("starts the student in UTC when the browser sent %s, and still registers them", async (_label, timeZone) => {
    const db = await testDb();
    const email = `zone.${Math.random().toString(36).slice(2)}@example.test`;
    const result = await registerStudent(db, { ...good, email, timeZone });
    expect(result.ok).toBe(true);
    expect(await zoneOf(email)).toBe("UTC");
  });

  it("gives every new student the next number, never reused", async () => {
    const db = await testDb();
    await registerStudent(db, { ...good, email: "a1@example.test" });
    await registerStudent(db, { ...good, email: "a2@example.test" });
    const ids = (await db.select({ id: profiles.publicId }).from(profiles)).map((r) => r.id).sort();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith("STU-"))).toBe(true);
  });
});
