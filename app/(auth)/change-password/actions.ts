"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { formNotSent } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { withOutageMessage } from "@/lib/actions/outage";
import { completeForcedPasswordChange } from "@/lib/auth/change-password";
import { signIn } from "@/lib/auth/next-auth";
import { roleHome } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { formToObject } from "@/lib/validation";

export async function forcedPasswordChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return formNotSent();
  return withOutageMessage({}, async () => {
    const actor = await currentActor();
    if (!actor) redirect("/login");
    const result = await completeForcedPasswordChange(getDb(), actor, formToObject(formData));
    if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
    // A fresh session carrying the new session version; every older one has ended.
    await signIn("credentials", { email: result.data.email, password: result.data.password, redirect: false });
    redirect(roleHome[actor.role]);
  });
}
