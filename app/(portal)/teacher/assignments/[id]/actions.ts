"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { respondToOffer } from "@/lib/assignments/respond-to-offer";
import { formAction } from "@/lib/actions/form-action";

/**
 * Accept or decline, by the form's `decision`. A decline ends the teacher's access, so only an
 * accepted offer refreshes the detail page (it would render a 404); the form then goes to the list.
 */
export const respondToOfferAction = formAction({ roles: ["teacher"] }, async (actor, input) => {
  const result = await respondToOffer(getDb(), actor, input);
  if (result.ok && input.decision === "accept" && typeof input.assignmentId === "string") revalidatePath(`/teacher/assignments/${input.assignmentId}`);
  return result;
});
