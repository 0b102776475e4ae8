"use client";

import { useActionState, useSyncExternalStore, useRef } from "react";
import { registerAction } from "@/app/(auth)/register/actions";
import { idleState } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordField } from "./password-field";
import { useFocusFirstError } from "./use-focus-first-error";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";

/** `visitor` and `email` come from the chat widget's "Create an account" link: the conversation joins the new inbox. */
export function RegisterForm({ visitor, email }: { visitor?: string; email?: string } = {}) {
  const [state, action] = useActionState(registerAction, idleState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  // The browser's zone, read once it runs in the browser; the server falls back to UTC without it.
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {visitor ? <input type="hidden" name="visitor" value={visitor} /> : null}
      <Field label="Full name" name="fullName" autoComplete="name" required maxLength={200} defaultValue={state.values?.fullName} errors={errors.fullName} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? email} errors={errors.email} />
      <PasswordField label="Password" name="password" autoComplete="new-password" required hint="At least 10 characters, not your email." errors={errors.password} />
      <PasswordField label="Confirm password" name="confirmPassword" autoComplete="new-password" required errors={errors.confirmPassword} />
      <SubmitButton className="w-full" pendingText="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
