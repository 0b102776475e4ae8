import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications, type Notification } from "@/db/schema";

/**
 * Called in the transaction of the change that completes a task: every recipient's notification
 * about it becomes read and resolved. Returns the rows; publishNotifications tells their owners
 * after commit, so their bells update live.
 */
export async function resolveTask(tx: Executor, taskKey: string | readonly string[]): Promise<Notification[]> {
  const keys = typeof taskKey === "string" ? [taskKey] : [...new Set(taskKey)];
  if (keys.length === 0) return [];
  const now = new Date();
  return tx
    .update(notifications)
    .set({ resolvedAt: now, readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(inArray(notifications.taskKey, keys), isNull(notifications.resolvedAt)))
    .returning();
}
