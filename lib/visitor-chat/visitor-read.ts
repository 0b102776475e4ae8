import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorSessions } from "@/db/schema";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { publishVisitorSessionRead } from "./publish";
import { visitorReadSchema } from "./schemas";
import { visitorSessionFor } from "./visitor-session";

/**
 * The visitor has seen the conversation up to seq: clamped to the newest message, and only ever
 * forward (a late request from an older tab cannot take the receipt back). Answers the position now held.
 */
export async function markVisitorRead(db: Database, token: string | null, input: unknown): Promise<ServiceResult<{ seq: number }>> {
  const found = await visitorSessionFor(db, token);
  if (!found.ok) return found;
  const parsed = parseInput(visitorReadSchema, input);
  if (!parsed.ok) return fail("invalid", "seq must be a whole number", parsed.fieldErrors);
  const session = found.data;
  const [moved] = await db
    .update(visitorSessions)
    .set({ visitorReadSeq: sql`least(${parsed.data.seq}::int, ${visitorSessions.lastSeq})` })
    .where(and(eq(visitorSessions.id, session.id), lt(visitorSessions.visitorReadSeq, sql`least(${parsed.data.seq}::int, ${visitorSessions.lastSeq})`)))
    .returning({ seq: visitorSessions.visitorReadSeq });
  if (!moved) {
    const [current] = await db.select({ seq: visitorSessions.visitorReadSeq }).from(visitorSessions).where(eq(visitorSessions.id, session.id));
    return ok({ seq: current?.seq ?? session.visitorReadSeq });
  }
  await publishVisitorSessionRead(session.id, "visitor", moved.seq);
  return ok({ seq: moved.seq });
}
