"use client";

import { useActionState } from "react";
import { forcedPasswordChangeAction } from "@/app/(auth)/change-password/actions";
import { idleState } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ForcedPasswordForm() {
  const [state, action] = useActionState(forcedPasswordChangeAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters, not your email." errors={state.fieldErrors?.newPassword} />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirmPassword} />
      <SubmitButton className="w-full" pendingText="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
