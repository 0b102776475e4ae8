"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
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
  /** The current due date as shown ("13 Dec 2026, 17:00 EST"). */
  currentDueText: string;
  timeZone: string;
  timeZones: string[];
};

/** A button that opens the form in a dialog, so the actions stay short on a phone; it closes once saved. */
export function ExtendDueDateForm<T>({ action, assignmentId, version, currentDue, currentDueText, timeZone, timeZones }: Props<T>) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useAssignmentAction(action, "Due date extended", () => setOpen(false));
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">Extend due date</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Extend due date</DialogTitle>
          <DialogDescription>Now due {currentDueText}. The student and the teachers are told the new date.</DialogDescription>
        </DialogHeader>
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
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="outline">Keep current date</Button>
            </DialogClose>
            <SubmitButton pendingText="Extending…">Extend due date</SubmitButton>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
