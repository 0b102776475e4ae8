"use client";

import { useActionState, useState } from "react";
import { PlusIcon } from "lucide-react";
import { createStaffAction } from "@/app/(portal)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleLabel, staffRoles } from "@/lib/auth/roles";
import { TemporaryPassword } from "./temporary-password";

function CreateStaffForm() {
  const [state, action] = useActionState(createStaffAction, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  // After a refusal the form keeps what was typed.
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const created = state.status === "success" ? state.data : undefined;
  if (created) {
    // The one time the password is shown: the dialog stays open on it until the admin closes it.
    return (
      <div className="space-y-4" data-testid="created-account">
        <p className="text-sm text-green-800">
          Account created. Public ID: <strong data-testid="new-public-id">{created.publicId}</strong>
        </p>
        <TemporaryPassword email={created.email} password={created.temporaryPassword} />
        <div className="flex justify-end">
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
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
        <div className="flex flex-col-reverse gap-2 sm:col-span-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="outline">Don&apos;t create</Button>
          </DialogClose>
          <SubmitButton pendingText="Creating…">Create account</SubmitButton>
        </div>
      </form>
    </div>
  );
}

/** "New staff account" in the page header; each opening starts an empty form. */
export function CreateStaffDialog() {
  const [opened, setOpened] = useState(0);
  return (
    <Dialog onOpenChange={(open) => open && setOpened((n) => n + 1)}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          New staff account
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>New staff account</DialogTitle>
          <DialogDescription>A teacher, CS rep or admin. They sign in with a temporary password you hand over, then choose their own.</DialogDescription>
        </DialogHeader>
        <CreateStaffForm key={opened} />
      </DialogContent>
    </Dialog>
  );
}
