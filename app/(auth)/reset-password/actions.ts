"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { checkResetLink, resetPasswordWithToken } from "@/lib/auth/password-reset";
import { clientIp } from "@/lib/http/client-ip";
import { formToObject } from "@/lib/validation";

export type ResetOutcome = { linkNotWorking?: boolean };

// The token travels in the form body only: never in a URL, and never echoed back in the state
// (the state is the next call's argument, which Next's development log prints).
export async function checkResetLinkAction(formData: FormData): Promise<boolean> {
  return checkResetLink(getDb(), formData.get("token"));
}

export async function resetPasswordAction(_previous: FormState<ResetOutcome>, formData: FormData): Promise<FormState<ResetOutcome>> {
  const result = await resetPasswordWithToken(getDb(), formToObject(formData), clientIp(await headers()));
  if (!result.ok) {
    if (result.code === "not_found") return { status: "error", data: { linkNotWorking: true } };
    return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
  }
  redirect("/login?reset=1");
}
