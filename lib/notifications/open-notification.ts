import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { safeNotificationLink } from "./links";
import { publishNotificationsRead } from "./publish";
import { notificationIdSchema } from "./schemas";

/**
 * Opening a notification reads it and says where to go: its link when that is a same-site path,
 * otherwise the list. Another user's id, or a malformed one, is answered like a missing one.
 */
export async function openNotification(db: Executor, actor: Actor, input: unknown): Promise<ServiceResult<{ href: string }>> {
  const parsed = parseInput(notificationIdSchema, input);
  if (!parsed.ok) return fail("not_found", "Notification not found");
  const [before] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, parsed.data.id), eq(notifications.userId, actor.id)));
  if (!before) return fail("not_found", "Notification not found");
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, parsed.data.id), eq(notifications.userId, actor.id)))
    .returning({ link: notifications.link });
  if (!row) return fail("not_found", "Notification not found");
  if (before.readAt === null) await publishNotificationsRead(actor.id);
  return ok({ href: safeNotificationLink(row.link) ?? "/notifications" });
}
