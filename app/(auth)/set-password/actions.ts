"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { checkResetLink, resetPasswordWithToken } from "@/lib/auth/password-reset";
import { clientIp } from "@/lib/http/client-ip";
import { formToObject } from "@/lib/validation";
import type { ResetOutcome } from "../reset-password/actions";

// The link a CS rep handed a converted visitor: the reset form's rules, its own token purpose.
export async function checkSetupLinkAction(formData: FormData): Promise<boolean> {
  return checkResetLink(getDb(), formData.get("token"), "account_setup");
}

export async function setPasswordAction(_previous: FormState<ResetOutcome>, formData: FormData): Promise<FormState<ResetOutcome>> {
  const result = await resetPasswordWithToken(getDb(), formToObject(formData), clientIp(await headers()), "account_setup");
  if (!result.ok) {
    if (result.code === "not_found") return { status: "error", data: { linkNotWorking: true } };
    return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
  }
  redirect("/login?reset=1");
}
