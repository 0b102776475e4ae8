import type { Executor } from "@/db/client";
import { notifications, type Notification, type NotificationData } from "@/db/schema";
import { queueEmailsForNotifications } from "./email-notifications";

export type { Notification, NotificationData };

export type NotificationInput = {
  type: string;
  title: string;
  body?: string;
  link?: string;
  /** Moments the text refers to, rendered in each reader's zone (never baked into title or body). */
  data?: NotificationData;
  /** The task this notification asks for (see task-keys.ts); resolveTask closes it for every recipient. */
  taskKey?: string;
};

/**
 * Creates one notification per recipient inside the caller's transaction, and queues the email of
 * those whose type is emailed (email-kinds.ts) to recipients who want it, in the same transaction.
 * Returns the rows so the caller can publish them after commit.
 */
export async function notify(tx: Executor, userIds: readonly string[], input: NotificationInput): Promise<Notification[]> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        type: input.type,
        title: input.title,
        body: input.body ?? null,
        link: input.link ?? null,
        data: input.data ?? null,
        taskKey: input.taskKey ?? null,
      })),
    )
    .returning();
  await queueEmailsForNotifications(tx, rows);
  return rows;
}
