"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/actions/form-state";
import { registerStudent } from "@/lib/auth/register-student";
import { signIn } from "@/lib/auth/next-auth";
import { clientIp } from "@/lib/http/client-ip";
import { formToObject } from "@/lib/validation";
import { headers } from "next/headers";

export async function registerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = formToObject(formData);
  const result = await registerStudent(getDb(), input, clientIp(await headers()));
  if (!result.ok) {
    const { fullName, email } = input;
    return { status: "error", message: result.message, fieldErrors: result.fieldErrors, values: { fullName: String(fullName ?? ""), email: String(email ?? "") } };
  }
  await signIn("credentials", { email: result.data.email, password: String(input.password), redirect: false });
  redirect("/student");
}
