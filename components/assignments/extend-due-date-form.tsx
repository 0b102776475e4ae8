"use client";

import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

type Props<T> = {
  action: FormAction<T>;
  assignmentId: string;
  version: number;
  /** The current due date as a datetime-local value in `timeZone`, the viewer's zone. */
  currentDue: string;
  timeZone: string;
  timeZones: string[];
};

export function ExtendDueDateForm<T>({ action, assignmentId, version, currentDue, timeZone, timeZones }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, "Due date extended");
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={version} action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <AssignmentRef id={assignmentId} version={version} />
      <Field label="New due date" name="dueAt" type="datetime-local" defaultValue={values.dueAt ?? currentDue} errors={errors.dueAt} />
      {/* Keyed: React applies a select's defaultValue only on mount, and resets the form after a refusal. */}
      <SelectField key={values.timeZone ?? timeZone} label="Time zone" name="timeZone" defaultValue={values.timeZone ?? timeZone} errors={errors.timeZone}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <TextareaField label="Reason" name="reason" rows={2} maxLength={1000} hint="Optional; the student and the teachers are told." defaultValue={values.reason} errors={errors.reason} />
      <SubmitButton pendingText="Extending…">Extend due date</SubmitButton>
    </form>
  );
}
