"use client";

import { useActionState } from "react";
import { registerAction } from "@/app/(auth)/register/actions";
import { idleState } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RegisterForm() {
  const [state, action] = useActionState(registerAction, idleState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="Full name" name="fullName" autoComplete="name" required maxLength={200} defaultValue={state.values?.fullName} errors={errors.fullName} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters, not your email." errors={errors.password} />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <SubmitButton className="w-full" pendingText="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
