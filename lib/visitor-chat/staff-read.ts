import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorSessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { publishVisitorSessionRead } from "./publish";
import { staffReadSchema } from "./staff-schemas";
import { notFound } from "./staff-session";

/**
 * The staff side has seen the conversation up to seq (never past its last message, never back).
 * Once it is taken only the holder's reading counts: an admin glancing at it must not tell the
 * visitor "seen" nor clear the holder's unread count.
 */
export async function markVisitorSessionReadByStaff(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ staffReadSeq: number }>> {
  requirePermission(actor, "visitors:serve");
  const parsed = parseInput(staffReadSchema, input);
  if (!parsed.ok) {
    if (parsed.fieldErrors.sessionId) return notFound();
    return fail("invalid", "Check what was read", parsed.fieldErrors);
  }
  const { sessionId, seq } = parsed.data;
  const [moved] = await db
    .update(visitorSessions)
    .set({ staffReadSeq: sql`least(${seq}, ${visitorSessions.lastSeq})` })
    .where(
      and(
        eq(visitorSessions.id, sessionId),
        lt(visitorSessions.staffReadSeq, sql`least(${seq}, ${visitorSessions.lastSeq})`),
        sql`(${visitorSessions.claimedBy} is null or ${visitorSessions.claimedBy} = ${actor.id})`,
      ),
    )
    .returning({ staffReadSeq: visitorSessions.staffReadSeq });
  if (moved) {
    await publishVisitorSessionRead(sessionId, "staff", moved.staffReadSeq);
    return ok(moved);
  }
  const [current] = await db.select({ staffReadSeq: visitorSessions.staffReadSeq }).from(visitorSessions).where(eq(visitorSessions.id, sessionId));
  return current ? ok(current) : notFound();
}
