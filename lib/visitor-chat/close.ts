import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorSessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isWritable } from "./store-message";
import { closeSchema } from "./staff-schemas";
import { ended, holderRefusal, lockVisitorSession, notFound, publishSessionChange, resolveVisitorWaiting } from "./staff-session";

/**
 * Ends a conversation with a reason; the widget then offers a new one. A waiting conversation
 * (spam, a duplicate) may be closed by any CS rep; a taken one by its holder or an admin.
 */
export async function closeVisitorSession(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ sessionId: string }>> {
  requirePermission(actor, "visitors:serve");
  const parsed = parseInput(closeSchema, input);
  if (!parsed.ok) {
    if (parsed.fieldErrors.sessionId) return notFound();
    return fail("invalid", "Say why the conversation is closed", parsed.fieldErrors);
  }
  const { sessionId, reason } = parsed.data;

  const result = await db.transaction(async (tx) => {
    const session = await lockVisitorSession(tx, sessionId);
    if (!session) return notFound();
    if (!isWritable(session)) return ended(session);
    if (session.status === "claimed" && session.claimedBy !== actor.id && !can(actor, "visitors:take-over")) return holderRefusal(tx, session);
    const [closed] = await tx
      .update(visitorSessions)
      .set({ status: "closed", closedBy: actor.id, closedAt: sql`now()`, closeReason: reason })
      .where(eq(visitorSessions.id, sessionId))
      .returning();
    if (!closed) throw new Error("visitor session vanished under its lock");
    await recordAudit(tx, actor, { action: "visitor_session.closed", targetType: "visitor_session", targetId: sessionId, metadata: { reason } });
    return ok({ closed, resolved: await resolveVisitorWaiting(tx, sessionId) });
  });
  if (!result.ok) return result;
  await publishSessionChange(db, result.data.closed, result.data.resolved);
  return ok({ sessionId });
}
