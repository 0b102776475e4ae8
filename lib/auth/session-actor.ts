import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users } from "@/db/schema";
import type { Actor } from "./actor";

import { sessionClaimsSchema } from "./session-actor-claims";

/**
 * One primary-key lookup per request: a session ends as soon as the user is blocked or
 * their session version moves on (password reset or change elsewhere).
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
    .where(eq(users.id, parsed.data.uid))
    .limit(1);
  if (!row || row.status !== "active" || row.sessionVersion !== parsed.data.sv || row.role !== parsed.data.role) return null;
  return { id: row.id, email: row.email, role: row.role, name: row.name, mustChangePassword: row.mustChangePassword };
}
