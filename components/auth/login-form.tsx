"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { signInAction } from "@/app/(auth)/login/actions";
import { idleState } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordField } from "./password-field";
import { useFocusFirstError } from "./use-focus-first-error";

export function LoginForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, idleState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <div>
        <PasswordField label="Password" name="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
        <p className="mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
            Forgot password?
          </Link>
        </p>
      </div>
      <SubmitButton className="w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
