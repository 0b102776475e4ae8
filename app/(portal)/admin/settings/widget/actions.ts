"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { fail } from "@/lib/errors";
import { updateVisitorChatSettings } from "@/lib/visitor-chat/settings";
import { settingsFormToInput } from "@/lib/visitor-chat/settings-form";

export const saveWidgetSettingsAction = formAction({ roles: ["admin"] }, async (actor, form) => {
  const { input, dayErrors } = settingsFormToInput(form);
  // A day whose hours are backwards is named beside that day, not only in the week's summary.
  if (Object.keys(dayErrors).length > 0) return fail("invalid", "Check the highlighted fields", dayErrors);
  const result = await updateVisitorChatSettings(getDb(), actor, input);
  if (result.ok) revalidatePath("/admin/settings/widget");
  return result;
});
