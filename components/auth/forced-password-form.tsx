"use client";

import { useActionState, useRef } from "react";
import { forcedPasswordChangeAction } from "@/app/(auth)/change-password/actions";
import { idleState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordField } from "./password-field";
import { useFocusFirstError } from "./use-focus-first-error";

export function ForcedPasswordForm() {
  const [state, action] = useActionState(forcedPasswordChangeAction, idleState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <PasswordField label="New password" name="newPassword" autoComplete="new-password" required hint="At least 10 characters, not your email." errors={state.fieldErrors?.newPassword} />
      <PasswordField label="Confirm new password" name="confirmPassword" autoComplete="new-password" required errors={state.fieldErrors?.confirmPassword} />
      <SubmitButton className="w-full" pendingText="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
