"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import type { ServiceResult } from "@/lib/errors";
import { createStaffUser } from "@/lib/users/create-staff-user";
import { resetUserPassword } from "@/lib/users/reset-password";
import { setUserBlocked } from "@/lib/users/set-user-blocked";

async function refreshList<T>(result: Promise<ServiceResult<T>>): Promise<ServiceResult<T>> {
  const settled = await result;
  if (settled.ok) revalidatePath("/admin/users");
  return settled;
}

export const createStaffAction = formAction({ roles: ["admin"] }, (actor, input) => refreshList(createStaffUser(getDb(), actor, input)));

export const blockUserAction = formAction({ roles: ["admin"] }, (actor, input) => refreshList(setUserBlocked(getDb(), actor, input, true)));

export const unblockUserAction = formAction({ roles: ["admin"] }, (actor, input) => refreshList(setUserBlocked(getDb(), actor, input, false)));

export const resetPasswordAction = formAction({ roles: ["admin"] }, (actor, input) => refreshList(resetUserPassword(getDb(), actor, input)));
