import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { userIdSchema } from "./schemas";

/**
 * Blocking bumps the session version, so the user's sessions end on their next request.
 * Admin rows are locked first so two admins blocking each other cannot leave none active.
 */
export async function setUserBlocked(db: Database, actor: Actor, input: unknown, blocked: boolean): Promise<ServiceResult<{ userId: string }>> {
  requirePermission(actor, "users:block");
  const parsed = parseInput(userIdSchema, input);
  if (!parsed.ok) return fail("not_found", "User not found");
  const { userId } = parsed.data;
  if (blocked && userId === actor.id) return fail("conflict", "You cannot block your own account");

  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from users where role = 'admin' for update`);
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) return fail("not_found", "User not found");
    if (blocked === (target.status === "blocked")) {
      return fail("conflict", blocked ? "This user is already blocked" : "This user is not blocked");
    }
    if (blocked && target.role === "admin") {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, target.id)))
        .limit(1);
      if (others.length === 0) return fail("conflict", "You cannot block the last active admin");
    }
    await tx
      .update(users)
      .set({
        status: blocked ? "blocked" : "active",
        sessionVersion: blocked ? sql`${users.sessionVersion} + 1` : target.sessionVersion,
        updatedAt: new Date(),
      })
      .where(eq(users.id, target.id));
    await recordAudit(tx, actor, {
      action: blocked ? "user.blocked" : "user.unblocked",
      targetType: "user",
      targetId: target.id,
      metadata: { email: target.email },
    });
    return ok({ userId: target.id });
  });
}
