"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(portal)/profile/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN } from "@/lib/auth/schemas";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      {/* Lets password managers tie the new password to this account. */}
      <input type="email" name="username" autoComplete="username" hidden readOnly value={email} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN} characters`} errors={errors.newPassword} />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
