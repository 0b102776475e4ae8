"use client";

import { useId } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

type Props<T> = { action: FormAction<T>; assignmentId: string; version: number; trigger: string; description: string; withNote?: boolean };

/** Cancelling asks first. Staff can add a note, which the student and teachers are sent. */
export function CancelForm<T>({ action, assignmentId, version, trigger, description, withNote = false }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, "Assignment cancelled");
  const formId = useId();
  return (
    <div className="space-y-3">
      <ConfirmDialog
        trigger={trigger}
        title={`${trigger}?`}
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
          <SubmitButton variant="danger" pendingText="Cancelling…">
            Yes, cancel
          </SubmitButton>
        </form>
      </ConfirmDialog>
      <FormMessage state={state} />
    </div>
  );
}
