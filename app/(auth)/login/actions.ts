"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { formNotSent } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { landingPathFor } from "@/lib/auth/landing";
import { signIn } from "@/lib/auth/next-auth";
import { signInSchema } from "@/lib/auth/schemas";
import { signInMessages } from "@/lib/auth/sign-in-messages";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db-availability";
import { formToObject, parseInput } from "@/lib/validation";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return formNotSent();
  const parsed = parseInput(signInSchema, formToObject(formData));
  const email = String(formData.get("email") ?? "").slice(0, 254);
  if (!parsed.ok) return { status: "error", message: "Enter your email and password.", fieldErrors: parsed.fieldErrors, values: { email } };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    // Not "incorrect password" while the accounts cannot be read: the person would doubt a right one.
    if (isDatabaseUnavailable(error)) return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE, values: { email } };
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : "invalid_credentials";
      return { status: "error", message: signInMessages[code] ?? signInMessages.invalid_credentials, values: { email } };
    }
    throw error;
  }
  const [user] = await getDb()
    .select({ role: users.role, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.email, parsed.data.email));
  if (!user) return { status: "error", message: signInMessages.invalid_credentials, values: { email } };
  redirect(landingPathFor(user.role, parsed.data.next, user.mustChangePassword));
}
