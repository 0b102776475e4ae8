"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

type Ref = { assignmentId: string; version: number };

export function EditInstructionsForm<T>({ action, assignmentId, version, instructions }: Ref & { action: FormAction<T>; instructions: string }) {
  const [state, formAction] = useAssignmentAction(action, "Instructions saved");
  const errors = state.fieldErrors ?? {};
  // React resets the form after the action; a refused edit keeps what was typed.
  const value = state.status === "error" ? (state.values?.instructions ?? instructions) : instructions;
  return (
    <form key={version} action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <AssignmentRef id={assignmentId} version={version} />
      <TextareaField label="Instructions" name="instructions" rows={8} defaultValue={value} maxLength={20_000} errors={errors.instructions} />
      <SubmitButton pendingText="Saving…">Save instructions</SubmitButton>
    </form>
  );
}

/** The student's answer to a delivery: accept it (after a confirmation), or say what needs another pass. */
export function ReviewDeliveryForms<A, R>({ acceptAction, revisionAction, assignmentId, version }: Ref & { acceptAction: FormAction<A>; revisionAction: FormAction<R> }) {
  const [accepted, accept] = useAssignmentAction(acceptAction, "Delivery accepted. The assignment is completed.");
  const [revision, requestRevision] = useAssignmentAction(revisionAction, "Revision requested");
  const errors = revision.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <FormMessage state={accepted} />
        <p className="text-sm text-muted-foreground">Happy with the latest version? Accepting completes the assignment.</p>
        <ConfirmDialog
          trigger="Accept delivery"
          variant="default"
          title="Accept this delivery?"
          description="The assignment is then completed: the teacher is told, and you can no longer ask for a revision."
          cancelLabel="Not yet"
        >
          <form action={accept}>
            <AssignmentRef id={assignmentId} version={version} />
            <SubmitButton pendingText="Accepting…" className="w-full sm:w-auto">
              Accept delivery
            </SubmitButton>
          </form>
        </ConfirmDialog>
      </div>
      <form key={version} action={requestRevision} noValidate className="space-y-3 border-t border-slate-100 pt-4">
        <FormMessage state={revision} />
        <AssignmentRef id={assignmentId} version={version} />
        <TextareaField
          label="Comments"
          name="comments"
          rows={4}
          maxLength={5000}
          hint="Not quite right? Tell the teacher what to change and they deliver a new version."
          defaultValue={revision.status === "error" ? revision.values?.comments : undefined}
          errors={errors.comments}
        />
        <SubmitButton variant="outline" pendingText="Sending…">
          Send revision request
        </SubmitButton>
      </form>
    </div>
  );
}
