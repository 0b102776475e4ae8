"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { acceptDelivery } from "@/lib/assignments/accept-delivery";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { editRequest } from "@/lib/assignments/edit-request";
import { requestRevision } from "@/lib/assignments/request-revision";
import { formAction } from "@/lib/actions/form-action";
import type { ServiceResult } from "@/lib/errors";

// The services parse every field and check ownership; the id is only read here to refresh the page.
function refreshed<T>(input: Record<string, string | string[]>) {
  return (result: ServiceResult<T>): ServiceResult<T> => {
    if (result.ok && typeof input.assignmentId === "string") revalidatePath(`/student/assignments/${input.assignmentId}`);
    return result;
  };
}

export const editInstructionsAction = formAction({ roles: ["student"] }, (actor, input) => editRequest(getDb(), actor, input).then(refreshed(input)));

export const cancelRequestAction = formAction({ roles: ["student"] }, (actor, input) => cancelAssignment(getDb(), actor, input).then(refreshed(input)));

export const acceptDeliveryAction = formAction({ roles: ["student"] }, (actor, input) => acceptDelivery(getDb(), actor, input).then(refreshed(input)));

export const requestRevisionAction = formAction({ roles: ["student"] }, (actor, input) => requestRevision(getDb(), actor, input).then(refreshed(input)));
