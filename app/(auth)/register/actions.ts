"use server";

import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { echoValues, formNotSent } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { withOutageMessage } from "@/lib/actions/outage";
import { registerStudent } from "@/lib/auth/register-student";
import { signIn } from "@/lib/auth/next-auth";
import { clientIp } from "@/lib/http/client-ip";
import { formToObject } from "@/lib/validation";

export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return formNotSent();
  const input = formToObject(formData);
  const values = echoValues(input);
  return withOutageMessage(values, async () => {
    const result = await registerStudent(getDb(), input, clientIp(await headers()));
    if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values };
    await signIn("credentials", { email: result.data.email, password: String(input.password), redirect: false });
    redirect("/student");
  });
}
