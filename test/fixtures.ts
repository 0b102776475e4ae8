import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pendingEmailVerifications, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { registerStudent } from "@/lib/auth/register-student";
import { loadSessionActor } from "@/lib/auth/session-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { insertUserWithProfile } from "@/lib/users/insert-user";

export const TEST_PASSWORD = "correct-horse-battery";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}.${randomBytes(4).toString("hex")}@example.test`;
}

/** The first admin cannot be created through the app, as in production (seed or SQL). */
export async function createAdmin(db: Database, name = "Ada Admin"): Promise<Actor> {
  const { user } = await insertUserWithProfile(db, { email: uniqueEmail("admin"), passwordHash: await hashPassword(TEST_PASSWORD), role: "admin", fullName: name });
  return actorOf(db, user.id);
}

/** A student who signed up; their email is confirmed unless `verified: false` (as right after sign-up). */
export async function createStudent(db: Database, name = "Sam Student", options: { verified?: boolean } = {}): Promise<Actor & { password: string }> {
  const email = uniqueEmail("student");
  const result = await registerStudent(db, { fullName: name, email, password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD });
  if (!result.ok) throw new Error(`fixture: ${result.message}`);
  if (options.verified !== false) await db.delete(pendingEmailVerifications).where(eq(pendingEmailVerifications.userId, result.data.userId));
  return { ...(await actorOf(db, result.data.userId)), password: TEST_PASSWORD };
}

/** Staff are created by an admin and sign in once with the temporary password. */
export async function createStaff(db: Database, admin: Actor, role: Exclude<Role, "student">, name = "Stella Staff") {
  const result = await createStaffUser(db, admin, { fullName: name, email: uniqueEmail(role), role });
  if (!result.ok) throw new Error(`fixture: ${result.message}`);
  return { ...(await actorOf(db, result.data.userId)), password: result.data.temporaryPassword, publicId: result.data.publicId };
}

/** The actor a fresh sign-in would produce, read through the same path as a request. */
export async function actorOf(db: Database, userId: string): Promise<Actor> {
  const claims = await claimsOf(db, userId);
  const actor = await loadSessionActor(db, claims);
  if (!actor) throw new Error("fixture: user has no active session");
  return { ...actor, ip: "203.0.113.7" };
}

export async function claimsOf(db: Database, userId: string) {
  const row = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
  if (!row) throw new Error("fixture: no such user");
  return { uid: row.id, role: row.role, sv: row.sessionVersion, sid: randomUUID() };
}

export async function signIn(db: Database, email: string, password: string, ip = "198.51.100.1") {
  return verifyCredentials(db, { email, password, ip });
}
