"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { startThread } from "@/lib/messaging/start-thread";

function list(value: string | string[] | undefined): string[] {
  if (value === undefined || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

export const startThreadAction = formAction<{ threadId: string }>({}, async (actor, input) => {
  const result = await startThread(getDb(), actor, {
    // One chosen person posts a single field, several a list: the service always gets a list.
    recipientIds: list(input.recipientIds),
    subject: input.subject,
    body: input.body,
    clientMessageId: input.clientMessageId,
  });
  if (!result.ok) return result;
  redirect(`/messages/${result.data.threadId}`);
});
