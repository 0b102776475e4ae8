import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { publishNotificationsRead } from "./publish";
import { notificationIdSchema } from "./schemas";

/** Another user's notification id, or a malformed one, is answered exactly like a missing one. */
export async function markNotificationRead(db: Executor, actor: Actor, input: unknown): Promise<ServiceResult<{ id: string }>> {
  const parsed = parseInput(notificationIdSchema, input);
  if (!parsed.ok) return fail("not_found", "Notification not found");
  const notificationId = parsed.data.id;
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.id)))
    .returning({ id: notifications.id });
  if (!row) return fail("not_found", "Notification not found");
  await publishNotificationsRead(actor.id);
  return ok(row);
}

export async function markAllNotificationsRead(db: Executor, actor: Actor): Promise<ServiceResult<{ count: number }>> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length > 0) await publishNotificationsRead(actor.id);
  return ok({ count: rows.length });
}
