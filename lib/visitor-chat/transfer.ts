import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users, visitorSessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isWritable } from "./store-message";
import { transferSchema } from "./staff-schemas";
import { staffName } from "./staff-names";
import { ended, lockVisitorSession, notFound, publishSessionChange } from "./staff-session";

const NOT_STAFF = "Choose an active CS rep or admin";

/**
 * Hands a live conversation to another active CS rep or admin. Only the one who has it may pass
 * it on, or an admin (who may also assign a conversation nobody has taken yet).
 */
export async function transferVisitorSession(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ sessionId: string; toUserId: string }>> {
  requirePermission(actor, "visitors:serve");
  const parsed = parseInput(transferSchema, input);
  if (!parsed.ok) {
    if (parsed.fieldErrors.sessionId) return notFound();
    return fail("invalid", "Choose who takes the conversation", parsed.fieldErrors);
  }
  const { sessionId, toUserId } = parsed.data;

  const result = await db.transaction(async (tx) => {
    const session = await lockVisitorSession(tx, sessionId);
    if (!session) return notFound();
    if (!isWritable(session)) return ended(session);
    const isAdmin = can(actor, "visitors:take-over");
    if (session.claimedBy !== actor.id && !isAdmin) {
      return fail("forbidden", session.claimedBy ? `Only ${(await staffName(tx, session.claimedBy)) ?? "the CS rep who has it"} or an admin can transfer this conversation` : "Take the conversation first, then transfer it");
    }
    if (session.claimedBy === toUserId) return fail("conflict", "They already have this conversation", { toUserId: ["They already have this conversation"] });
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, toUserId), inArray(users.role, ["cs_rep", "admin"]), eq(users.status, "active")));
    if (!target) return fail("invalid", NOT_STAFF, { toUserId: [NOT_STAFF] });
    const [moved] = await tx
      .update(visitorSessions)
      .set({ status: "claimed", claimedBy: toUserId, claimedAt: sql`now()` })
      .where(eq(visitorSessions.id, sessionId))
      .returning();
    if (!moved) throw new Error("visitor session vanished under its lock");
    await recordAudit(tx, actor, { action: "visitor_session.transferred", targetType: "visitor_session", targetId: sessionId, metadata: { from: session.claimedBy, to: toUserId } });
    return ok(moved);
  });
  if (!result.ok) return result;
  await publishSessionChange(db, result.data);
  return ok({ sessionId, toUserId });
}
