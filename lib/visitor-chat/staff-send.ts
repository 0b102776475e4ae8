import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorSessions, type Notification, type VisitorSession } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { publishVisitorMessage } from "./publish";
import { staffSendSchema } from "./staff-schemas";
import { ended, holderRefusal, lockVisitorSession, notFound, publishSessionChange, resolveVisitorWaiting } from "./staff-session";
import { storeVisitorMessage } from "./store-message";
import type { VisitorMessageView } from "./types";
import { visitorMessageView } from "./views";

/**
 * A CS rep's reply. Once a conversation is taken only its holder writes in it (an admin too must
 * have it transferred first), so a visitor never gets two people answering at once. Replying to a
 * waiting conversation takes it for the sender, as a claim would: the first reply wins the same
 * way the first claim does, because both run under the session row's lock. A retried
 * clientMessageId returns the message already stored.
 */
export async function sendStaffVisitorMessage(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<VisitorMessageView>> {
  requirePermission(actor, "visitors:serve");
  const parsed = parseInput(staffSendSchema, input);
  if (!parsed.ok) {
    if (parsed.fieldErrors.sessionId) return notFound();
    return fail("invalid", "Check the message", parsed.fieldErrors);
  }
  const { sessionId, clientMessageId, body } = parsed.data;

  const result = await db.transaction(async (tx) => {
    const session = await lockVisitorSession(tx, sessionId);
    if (!session) return notFound();
    let claimed: VisitorSession | null = null;
    let resolved: Notification[] = [];
    if (session.status === "claimed" && session.claimedBy !== actor.id) return holderRefusal(tx, session);
    if (session.status === "open") {
      const [taken] = await tx.update(visitorSessions).set({ status: "claimed", claimedBy: actor.id, claimedAt: sql`now()` }).where(eq(visitorSessions.id, sessionId)).returning();
      if (!taken) throw new Error("visitor session vanished under its lock");
      await recordAudit(tx, actor, { action: "visitor_session.claimed", targetType: "visitor_session", targetId: sessionId, metadata: { by: "reply" } });
      claimed = taken;
      resolved = await resolveVisitorWaiting(tx, sessionId);
    }
    const stored = await storeVisitorMessage(tx, sessionId, { authorKind: "staff", authorId: actor.id, clientMessageId, body });
    if (!stored.ok) return stored.reason === "not_found" ? notFound() : ended(session);
    return ok({ ...stored, claimed, resolved });
  });
  if (!result.ok) return result;
  const view = visitorMessageView(result.data.message, actor.name);
  if (result.data.claimed) await publishSessionChange(db, result.data.session, result.data.resolved);
  if (!result.data.repeated) await publishVisitorMessage(view);
  return ok(view);
}
