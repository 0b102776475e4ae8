"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-read";

export const markNotificationReadAction = formAction({}, async (actor, input) => {
  const result = await markNotificationRead(getDb(), actor, input);
  if (result.ok) revalidatePath("/notifications");
  return result;
});

export const markAllNotificationsReadAction = formAction({}, async (actor) => {
  const result = await markAllNotificationsRead(getDb(), actor);
  if (result.ok) revalidatePath("/notifications");
  return result;
});
