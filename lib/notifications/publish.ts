import type { Notification } from "@/db/schema";
import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit, type RealtimeEvent } from "@/lib/realtime/publish";

/**
 * Each recipient's open tabs learn of a new row by id and title, and of resolved rows (from
 * resolveTask) as a read; either way the bell and lists are refetched from the database.
 */
export function publishNotifications(rows: readonly Notification[]): Promise<void> {
  const created = rows.filter((row) => row.resolvedAt === null);
  const resolvedFor = [...new Set(rows.filter((row) => row.resolvedAt !== null).map((row) => row.userId))];
  return publishAfterCommit([
    ...created.map((row): RealtimeEvent => ({ channel: channels.user(row.userId), name: events.notificationCreated, data: { id: row.id, title: row.title } })),
    ...resolvedFor.map((userId): RealtimeEvent => ({ channel: channels.user(userId), name: events.notificationsRead, data: { resolved: true } })),
  ]);
}

export function publishNotificationsRead(userId: string): Promise<void> {
  return publishAfterCommit([{ channel: channels.user(userId), name: events.notificationsRead, data: {} }]);
}
