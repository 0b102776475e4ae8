import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications, profiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { renderNotification } from "./render";
import type { LatestNotifications, NotificationPage } from "./types";

export type { LatestNotifications, NotificationItem, NotificationPage } from "./types";

export const NOTIFICATIONS_PAGE_SIZE = 20;
export const LATEST_NOTIFICATIONS = 8;

export async function countUnreadNotifications(db: Executor, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

async function viewerTimeZone(db: Executor, actor: Actor): Promise<string> {
  const [row] = await db.select({ timeZone: profiles.timeZone }).from(profiles).where(eq(profiles.userId, actor.id));
  return row?.timeZone ?? "UTC";
}

// Microsecond text, because a JS Date would drop PostgreSQL's microseconds and skip rows.
const exactCreatedAt = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type NotificationCursor = string;

function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const match = cursor?.match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)_([0-9a-f-]{36})$/);
  return match?.[1] && match[2] ? { at: match[1], id: match[2] } : undefined;
}

/** Newest first, keyset-paginated; only the actor's own rows, rendered in their zone. A malformed cursor starts at the top. */
export async function listNotifications(db: Executor, actor: Actor, options: { before?: NotificationCursor; unreadOnly?: boolean } = {}): Promise<NotificationPage> {
  const before = decodeCursor(options.before);
  const [rows, timeZone] = await Promise.all([
    db
      .select({ notification: notifications, cursorAt: exactCreatedAt })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, actor.id),
          options.unreadOnly ? isNull(notifications.readAt) : undefined,
          before ? sql`(${notifications.createdAt}, ${notifications.id}) < (${before.at}::timestamptz, ${before.id}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE + 1),
    viewerTimeZone(db, actor),
  ]);
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map((row) => renderNotification(row.notification, timeZone)),
    nextCursor: rows.length > NOTIFICATIONS_PAGE_SIZE && last ? `${last.cursorAt}_${last.notification.id}` : undefined,
  };
}

/** What the bell's menu shows: the newest few, and how many are unread in all. */
export async function latestNotifications(db: Executor, actor: Actor): Promise<LatestNotifications> {
  const [rows, unread, timeZone] = await Promise.all([
    db.select().from(notifications).where(eq(notifications.userId, actor.id)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(LATEST_NOTIFICATIONS),
    countUnreadNotifications(db, actor),
    viewerTimeZone(db, actor),
  ]);
  return { items: rows.map((row) => renderNotification(row, timeZone)), unread };
}
