"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { fail } from "@/lib/errors";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";
import { notificationIdSchema } from "@/lib/notifications/schemas";
import { parseInput } from "@/lib/validation";

export const markNotificationReadAction = formAction({}, async (actor, input) => {
  const parsed = parseInput(notificationIdSchema, input);
  // A malformed id is answered like someone else's: nothing to tell apart.
  if (!parsed.ok) return fail("not_found", "Notification not found");
  const result = await markNotificationRead(getDb(), actor, parsed.data.id);
  if (result.ok) revalidatePath("/notifications");
  return result;
});

export const markAllNotificationsReadAction = formAction({}, async (actor) => {
  const result = await markAllNotificationsRead(getDb(), actor);
  if (result.ok) revalidatePath("/notifications");
  return result;
});
