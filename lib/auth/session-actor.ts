import { and, eq, notExists } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, revokedSessions, users } from "@/db/schema";
import type { Actor } from "./actor";

import { sessionClaimsSchema } from "./session-actor-claims";

/**
 * Primary-key lookups per request: a session ends as soon as the user is blocked, their session
 * version moves on (password reset or change elsewhere), or this session was signed out.
 */
export async function loadSessionActor(db: Executor, claims: unknown): Promise<Actor | null> {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      status: users.status,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      name: profiles.fullName,
    })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(users.id, parsed.data.uid),
        notExists(db.select({ one: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, parsed.data.sid))),
      ),
    )
    .limit(1);
  if (!row || row.status !== "active" || row.sessionVersion !== parsed.data.sv || row.role !== parsed.data.role) return null;
  return { id: row.id, email: row.email, role: row.role, name: row.name, mustChangePassword: row.mustChangePassword };
}
