"use server";

import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { unsubscribeByLink } from "@/lib/notifications/email-preferences";

export async function unsubscribeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await unsubscribeByLink(getDb(), formData.get("token"));
  if (!result.ok) return { status: "error", message: result.message };
  return { status: "success", message: `Done: ${result.data.email} gets no more emails for “${result.data.label}”.` };
}
