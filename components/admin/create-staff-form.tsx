"use client";

import { useActionState } from "react";
import { createStaffAction } from "@/app/(portal)/admin/users/actions";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleLabel, staffRoles } from "@/lib/auth/roles";
import { TemporaryPassword } from "./temporary-password";

export function CreateStaffForm() {
  const [state, action] = useActionState(createStaffAction, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  // After a success the form resets to empty; after a refusal it keeps what was typed.
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const created = state.status === "success" ? state.data : undefined;
  return (
    <div className="space-y-4">
      {created ? (
        <div className="space-y-2" data-testid="created-account">
          <p className="text-sm text-green-800">
            Account created. Public ID: <strong data-testid="new-public-id">{created.publicId}</strong>
          </p>
          <TemporaryPassword email={created.email} password={created.temporaryPassword} />
        </div>
      ) : null}
      <FormMessage state={state} />
      {/* noValidate: the server's messages, shown beside each field, are the one set of rules. */}
      <form action={action} noValidate className="grid gap-4 sm:grid-cols-2">
        <Field label="Full name" name="fullName" autoComplete="off" required defaultValue={values.fullName} errors={errors.fullName} />
        <Field label="Email" name="email" type="email" autoComplete="off" required defaultValue={values.email} errors={errors.email} />
        <SelectField label="Role" name="role" required defaultValue={values.role ?? "teacher"} errors={errors.role}>
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabel[role]}
            </option>
          ))}
        </SelectField>
        <Field label="Title" name="title" hint="Optional, e.g. Support lead" defaultValue={values.title} errors={errors.title} />
        <div className="sm:col-span-2">
          <SubmitButton pendingText="Creating…">Create account</SubmitButton>
        </div>
      </form>
    </div>
  );
}
