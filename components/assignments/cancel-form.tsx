"use client";

import { useId } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

type Props<T> = {
  action: FormAction<T>;
  assignmentId: string;
  version: number;
  /** The button that opens the dialog, e.g. "Cancel assignment" or "Cancel request". */
  trigger: string;
  description: string;
  /** The dialog's title; defaults to the trigger as a question. */
  title?: string;
  /** The confirming button names the step ("Cancel ASG-000042"); defaults to the trigger. */
  confirmLabel?: string;
  /** The way out names what not doing it means ("Keep assignment"), never a bare "Cancel". */
  cancelLabel?: string;
  /** Staff can add a note, which the student and teachers are sent. */
  withNote?: boolean;
};

/** Cancelling asks first, with buttons that say what each choice does. */
export function CancelForm<T>({ action, assignmentId, version, trigger, description, title = `${trigger}?`, confirmLabel = trigger, cancelLabel = "Keep assignment", withNote = false }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, "Assignment cancelled");
  const formId = useId();
  return (
    <div className="space-y-3">
      <ConfirmDialog
        trigger={trigger}
        title={title}
        cancelLabel={cancelLabel}
        description={
          <>
            <p>{description}</p>
            {/* Outside the form in the DOM, inside it through the form attribute. */}
            {withNote ? <div className="mt-4"><TextareaField form={formId} label="Cancellation note (optional)" name="reason" rows={3} maxLength={1000} /></div> : null}
          </>
        }
      >
        <form id={formId} action={formAction}>
          <AssignmentRef id={assignmentId} version={version} />
          <SubmitButton variant="destructive" pendingText="Cancelling…">
            {confirmLabel}
          </SubmitButton>
        </form>
      </ConfirmDialog>
      <FormMessage state={state} />
    </div>
  );
}
