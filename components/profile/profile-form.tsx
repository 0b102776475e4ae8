"use client";

import { useActionState, useEffect, useRef } from "react";
import { updateProfileAction } from "@/app/(portal)/profile/actions";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "sonner";
import type { Role } from "@/lib/auth/roles";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";

export type ProfileValues = {
  fullName: string;
  phone: string;
  timeZone: string;
  school: string;
  level: string;
  subjects: string;
  bio: string;
  availabilityNote: string;
  title: string;
};

type Props = { role: Role; initial: ProfileValues; timeZones: string[] };

/** Only the current role's fields are shown; the service ignores the others anyway. */
export function ProfileForm({ role, initial, timeZones }: Props) {
  const [state, action] = useActionState(updateProfileAction, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  useEffect(() => {
    if (state.status === "success") toast.success("Profile saved");
  }, [state]);
  const errors = state.fieldErrors ?? {};
  // A refused save keeps what was typed; otherwise the form shows what is stored.
  const values: ProfileValues = state.status === "error" ? { ...initial, ...state.values } : initial;
  return (
    <form ref={form} action={action} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Full name" name="fullName" autoComplete="name" required defaultValue={values.fullName} errors={errors.fullName} />
        <Field label="Phone" name="phone" type="tel" autoComplete="tel" defaultValue={values.phone} errors={errors.phone} />
        <SelectField label="Time zone" name="timeZone" defaultValue={values.timeZone} errors={errors.timeZone} hint="Dates and times are shown in this zone.">
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        {role === "student" ? (
          <>
            <Field label="School" name="school" autoComplete="organization" defaultValue={values.school} errors={errors.school} />
            <Field label="Level" name="level" hint="e.g. Year 12, undergraduate" defaultValue={values.level} errors={errors.level} />
          </>
        ) : null}
        {role === "cs_rep" || role === "admin" ? <Field label="Title" name="title" autoComplete="organization-title" defaultValue={values.title} errors={errors.title} /> : null}
      </div>
      {role === "teacher" ? (
        <div className="space-y-4">
          <Field label="Subjects" name="subjects" hint="Comma-separated, e.g. Calculus, Statistics" defaultValue={values.subjects} errors={errors.subjects} />
          <TextareaField label="Bio" name="bio" rows={5} defaultValue={values.bio} errors={errors.bio} />
          <TextareaField label="Availability" name="availabilityNote" rows={3} hint="When you usually take work, e.g. weekday evenings" defaultValue={values.availabilityNote} errors={errors.availabilityNote} />
        </div>
      ) : null}
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
