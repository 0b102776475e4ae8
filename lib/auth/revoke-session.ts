import type { Executor } from "@/db/client";
import { revokedSessions } from "@/db/schema";
import { SESSION_MAX_AGE_SECONDS } from "./config";
import { sessionClaimsSchema } from "./session-actor-claims";

/** Signing out: this session's token is refused from now on, wherever a copy of it turns up. */
export async function revokeSession(db: Executor, claims: unknown): Promise<void> {
  const parsed = sessionClaimsSchema.safeParse(claims);
  if (!parsed.success) return;
  await db
    .insert(revokedSessions)
    .values({ sessionId: parsed.data.sid, userId: parsed.data.uid, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) })
    .onConflictDoNothing();
}
