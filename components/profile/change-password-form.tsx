"use client";

import { useActionState, useRef } from "react";
import { changePasswordAction } from "@/app/(portal)/profile/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordField } from "@/components/auth/password-field";
import { PASSWORD_MIN } from "@/lib/auth/schemas";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      {/* Lets password managers tie the new password to this account. */}
      <input type="email" name="username" autoComplete="username" hidden readOnly value={email} />
      <PasswordField label="Current password" name="currentPassword" autoComplete="current-password" required errors={errors.currentPassword} />
      <PasswordField label="New password" name="newPassword" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN} characters`} errors={errors.newPassword} />
      <PasswordField label="Confirm new password" name="confirmPassword" autoComplete="new-password" required errors={errors.confirmPassword} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
