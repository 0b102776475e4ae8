"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { requestPasswordReset } from "@/lib/auth/password-reset-request";
import { clientIp } from "@/lib/http/client-ip";
import { formToObject } from "@/lib/validation";

export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = formToObject(formData);
  const email = String(input.email ?? "").slice(0, 254);
  const result = await requestPasswordReset(getDb(), input, clientIp(await headers()));
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: { email } };
  return { status: "success", message: result.data.message, values: { email } };
}
