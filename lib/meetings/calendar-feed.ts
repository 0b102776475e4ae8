import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gte } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { calendarFeeds, meetingParticipants, meetings, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/mail/app-url";
import { calendarIcs } from "./ics";
import { icsMeetings } from "./ics-data";

/** A feed lists meetings from this long ago on: calendar apps keep what they already fetched. */
const FEED_HISTORY_MS = 30 * 24 * 3_600_000;

// 32 random bytes in base64url: 43 characters, nothing else is a token.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Whether the actor has a feed. Only a hash is stored, so the URL itself is shown once, when created. */
export async function hasCalendarFeed(db: Executor, actor: Actor): Promise<boolean> {
  const [row] = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
  return Boolean(row);
}

/** A new secret feed URL (absolute, from APP_URL); the old one stops working. */
export async function regenerateCalendarFeed(db: Database, actor: Actor): Promise<{ url: string }> {
  if (!can(actor, "meetings:take-part")) throw new AppError("forbidden", "You cannot have a meetings calendar");
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashOf(token);
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId: actor.id, tokenHash })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
    await recordAudit(tx, actor, { action: "calendar_feed.regenerate", targetType: "user", targetId: actor.id });
  });
  return { url: appUrl(`/api/calendar/${token}.ics`) };
}

/**
 * The feed's text/calendar body for a token, or null (unknown or malformed token). The lookup is
 * by the token's sha256, so its timing says nothing about the token; the stored hash is compared
 * again in constant time.
 */
export async function calendarFeedForToken(db: Executor, token: string, now: Date = new Date()): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const tokenHash = hashOf(token);
  const [feed] = await db
    .select({ userId: calendarFeeds.userId, tokenHash: calendarFeeds.tokenHash })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.status, "active")));
  if (!feed || !timingSafeEqual(Buffer.from(feed.tokenHash), Buffer.from(tokenHash))) return null;
  const rows = await db
    .select({ meeting: meetings })
    .from(meetings)
    .innerJoin(meetingParticipants, and(eq(meetingParticipants.meetingId, meetings.id), eq(meetingParticipants.userId, feed.userId)))
    .where(gte(meetings.endsAt, new Date(now.getTime() - FEED_HISTORY_MS)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  return calendarIcs(
    await icsMeetings(
      db,
      rows.map((row) => row.meeting),
    ),
    "Nano meetings",
  );
}
