import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/passwords";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { publishNotifications } from "@/lib/notifications/publish";
import { parseInput } from "@/lib/validation";
import { userIdSchema } from "./schemas";

/** Ends every session of the user and forces a new password at their next sign-in. */
export async function resetUserPassword(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ userId: string; email: string; temporaryPassword: string }>> {
  requirePermission(actor, "users:reset-password");
  const parsed = parseInput(userIdSchema, input);
  if (!parsed.ok) return fail("not_found", "User not found");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const result = await db.transaction(async (tx) => {
    const [target] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, parsed.data.userId))
      .returning({ id: users.id, email: users.email });
    if (!target) return null;
    await recordAudit(tx, actor, { action: "user.password_reset", targetType: "user", targetId: target.id, metadata: { email: target.email } });
    const notifications = await notify(tx, [target.id], {
      type: "account.password_reset",
      title: "Your password was reset",
      body: `${actor.name} reset your password; a new one is chosen at the next sign-in.`,
      link: "/profile",
    });
    return { target, notifications };
  });
  if (!result) return fail("not_found", "User not found");
  await publishNotifications(result.notifications);
  return ok({ userId: result.target.id, email: result.target.email, temporaryPassword });
}
