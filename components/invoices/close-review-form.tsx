"use client";

import { useId } from "react";
import { useAssignmentAction, type FormAction } from "@/components/assignments/use-assignment-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { InvoiceRef } from "./invoice-ref";

/** An admin closes a payment's review flag once it was dealt with; asks first, the reason goes to the audit log. */
export function CloseReviewForm<T>({ action, invoiceId, version, paymentId }: { action: FormAction<T>; invoiceId: string; version: number; paymentId: string }) {
  const [state, formAction] = useAssignmentAction(action, "Review closed");
  const formId = `review-${useId().replace(/:/g, "")}`;
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <div className="mt-2 space-y-3" data-testid="close-review-form">
      <FormMessage state={state} />
      <TextareaField form={formId} label="What was done" name="reason" rows={2} maxLength={1000} defaultValue={values.reason} errors={errors.reason} hint="Kept in the audit log." />
      <ConfirmDialog
        trigger="Mark as reviewed"
        variant="default"
        title="Mark this payment as reviewed?"
        description="The flag goes away for every admin. Nothing changes on the invoice or at the provider: do whatever the event needed first."
        cancelLabel="Keep the flag"
      >
        <form id={formId} action={formAction}>
          <InvoiceRef id={invoiceId} version={version} />
          <input type="hidden" name="paymentId" value={paymentId} />
          <SubmitButton pendingText="Closing…">Mark as reviewed</SubmitButton>
        </form>
      </ConfirmDialog>
    </div>
  );
}
