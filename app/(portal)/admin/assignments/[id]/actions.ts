"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { assignTeachers } from "@/lib/assignments/assign-teachers";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { extendDueDate } from "@/lib/assignments/extend-due-date";
import { removeHelper } from "@/lib/assignments/remove-helper";
import { formAction } from "@/lib/actions/form-action";
import type { ServiceResult } from "@/lib/errors";

// The services parse every field; the id is only read here to refresh the right page.
function refreshed<T>(input: Record<string, string | string[]>) {
  return (result: ServiceResult<T>): ServiceResult<T> => {
    if (result.ok && typeof input.assignmentId === "string") {
      revalidatePath(`/admin/assignments/${input.assignmentId}`);
      revalidatePath("/admin/queue");
    }
    return result;
  };
}

export const assignTeachersAction = formAction({ roles: ["admin"] }, (actor, input) => assignTeachers(getDb(), actor, input).then(refreshed(input)));

export const removeHelperAction = formAction({ roles: ["admin"] }, (actor, input) => removeHelper(getDb(), actor, input).then(refreshed(input)));

export const extendDueDateAction = formAction({ roles: ["admin"] }, (actor, input) => extendDueDate(getDb(), actor, input).then(refreshed(input)));

export const cancelAssignmentAction = formAction({ roles: ["admin"] }, (actor, input) => cancelAssignment(getDb(), actor, input).then(refreshed(input)));
