import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** CONTRACT STUB (helper "reads" implements). The actor's feed URL, or null before they create one. Only a hash is stored, so the URL is shown when created. */
export async function hasCalendarFeed(_db: Executor, _actor: Actor): Promise<boolean> {
  throw new Error("not implemented");
}

/** CONTRACT STUB. A new secret feed URL (absolute, from APP_URL); the old one stops working. */
export async function regenerateCalendarFeed(_db: Database, _actor: Actor): Promise<{ url: string }> {
  throw new Error("not implemented");
}

/** CONTRACT STUB. The feed's text/calendar body for a token, or null (unknown token). */
export async function calendarFeedForToken(_db: Executor, _token: string, _now: Date = new Date()): Promise<string | null> {
  throw new Error("not implemented");
}
