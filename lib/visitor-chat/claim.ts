import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorSessions, type VisitorSession } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { sessionRefSchema } from "./staff-schemas";
import { ended, holderRefusal, notFound, publishSessionChange, resolveVisitorWaiting } from "./staff-session";

/**
 * Takes a waiting conversation. The update only matches while the session is still open, so when
 * several CS reps click at once exactly one row update wins; the others are told who has it.
 * Claiming one's own conversation again is a no-op success.
 */
export async function claimVisitorSession(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ sessionId: string }>> {
  requirePermission(actor, "visitors:serve");
  const parsed = parseInput(sessionRefSchema, input);
  if (!parsed.ok) return notFound();
  const { sessionId } = parsed.data;

  const claimed = await db.transaction(async (tx) => {
    const [won] = await tx
      .update(visitorSessions)
      .set({ status: "claimed", claimedBy: actor.id, claimedAt: sql`now()` })
      .where(and(eq(visitorSessions.id, sessionId), eq(visitorSessions.status, "open")))
      .returning();
    if (!won) return null;
    await recordAudit(tx, actor, { action: "visitor_session.claimed", targetType: "visitor_session", targetId: sessionId });
    return { session: won, resolved: await resolveVisitorWaiting(tx, sessionId) };
  });
  if (claimed) {
    await publishSessionChange(db, claimed.session, claimed.resolved);
    return ok({ sessionId });
  }

  const [current] = await db.select().from(visitorSessions).where(eq(visitorSessions.id, sessionId));
  return refusal(db, actor, current);
}

async function refusal(db: Database, actor: Actor, current: VisitorSession | undefined): Promise<ServiceResult<{ sessionId: string }>> {
  if (!current) return notFound();
  if (current.status === "claimed" && current.claimedBy === actor.id) return ok({ sessionId: current.id });
  if (current.status === "claimed") return holderRefusal(db, current);
  if (current.status === "closed" || current.status === "converted") return ended(current);
  return fail("conflict", "The conversation changed meanwhile. Try again.");
}
