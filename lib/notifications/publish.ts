import type { Notification } from "@/db/schema";
import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit } from "@/lib/realtime/publish";

/** Each recipient's open tabs learn of the row by id and title; the list is refetched from the database. */
export function publishNotifications(rows: readonly Notification[]): Promise<void> {
  return publishAfterCommit(
    rows.map((row) => ({ channel: channels.user(row.userId), name: events.notificationCreated, data: { id: row.id, title: row.title } })),
  );
}

export function publishNotificationsRead(userId: string): Promise<void> {
  return publishAfterCommit([{ channel: channels.user(userId), name: events.notificationsRead, data: {} }]);
}
