import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./passwords";
import { changePasswordSchema, forcedPasswordChangeSchema, passwordIsNotEmail } from "./schemas";

type Changed = ServiceResult<{ email: string; password: string }>;

/**
 * Bumps the session version, which ends the user's other sessions; the caller signs the
 * current one in again with the new password so it goes on.
 */
async function storeNewPassword(db: Database, actor: Actor, newPassword: string, action: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, actor, { action, targetType: "user", targetId: actor.id });
  });
}

export async function changeOwnPassword(db: Database, actor: Actor, input: unknown): Promise<Changed> {
  const parsed = parseInput(changePasswordSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { currentPassword, newPassword } = parsed.data;
  if (!passwordIsNotEmail(newPassword, actor.email)) {
    return fail("invalid", "Check the highlighted fields", { newPassword: ["Password cannot be your email address"] });
  }
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return fail("invalid", "Check the highlighted fields", { currentPassword: ["Current password is incorrect"] });
  }
  await storeNewPassword(db, actor, newPassword, "user.password_changed");
  return ok({ email: actor.email, password: newPassword });
}

/** The step an admin's reset forces before anything else. */
export async function completeForcedPasswordChange(db: Database, actor: Actor, input: unknown): Promise<Changed> {
  if (!actor.mustChangePassword) return fail("conflict", "Your password does not need to be changed");
  const parsed = parseInput(forcedPasswordChangeSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { newPassword } = parsed.data;
  if (!passwordIsNotEmail(newPassword, actor.email)) {
    return fail("invalid", "Check the highlighted fields", { newPassword: ["Password cannot be your email address"] });
  }
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (user && (await verifyPassword(user.passwordHash, newPassword))) {
    return fail("invalid", "Check the highlighted fields", { newPassword: ["Choose a password different from the temporary one"] });
  }
  await storeNewPassword(db, actor, newPassword, "user.password_set_after_reset");
  return ok({ email: actor.email, password: newPassword });
}
