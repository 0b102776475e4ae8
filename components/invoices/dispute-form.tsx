"use client";

import { useId } from "react";
import { useFormStatus } from "react-dom";
import { useAssignmentAction, type FormAction } from "@/components/assignments/use-assignment-action";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { DisputeResolution } from "@/lib/invoices/types";
import { InvoiceRef } from "./invoice-ref";

type Props<T> = {
  action: FormAction<T>;
  invoiceId: string;
  version: number;
  paymentId: string;
  /** "$200.00" */
  amount: string;
  /** "Stripe", "PayPal" */
  providerName: string;
  /** The invoice's balance, for the Accept choice's wording. */
  balance: string;
  /** Why Accept is not offered, or null. */
  acceptRefusal: string | null;
};

/** One choice of the dialog: the form's submit button carrying its resolution. */
function Choice({ resolution, variant, children }: { resolution: DisputeResolution; variant: ButtonVariant; children: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" name="resolution" value={resolution} variant={variant} disabled={pending} aria-disabled={pending}>
      {children}
    </Button>
  );
}

/** An admin settles one disputed payment: accept it toward the invoice, or refund it. Both are named before anything happens. */
export function DisputeForm<T>({ action, invoiceId, version, paymentId, amount, providerName, balance, acceptRefusal }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, "Disputed payment settled");
  const formId = `dispute-${useId().replace(/:/g, "")}`;
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <div className="space-y-3" data-testid="dispute-form">
      <FormMessage state={state} />
      <TextareaField form={formId} label="Reason" name="reason" rows={2} maxLength={1000} defaultValue={values.reason} errors={errors.reason} hint="Kept in the audit log." />
      {errors.resolution ? <p className="text-sm text-red-700">{errors.resolution.join(" ")}</p> : null}
      <ConfirmDialog
        trigger="Settle payment"
        variant="default"
        title={`Settle the disputed ${amount} payment?`}
        cancelLabel="Decide later"
        description={
          <div className="space-y-2">
            {acceptRefusal ? (
              <p>
                <strong>Accept</strong> is not possible: {acceptRefusal}.
              </p>
            ) : (
              <p>
                <strong>Accept as payment:</strong> {amount} counts toward the balance of {balance} and the student is told.
              </p>
            )}
            <p>
              <strong>Refund {amount}:</strong> {providerName} sends it back to the student; the invoice changes only when {providerName} confirms it. It cannot be called back.
            </p>
            <p>
              <strong>Already refunded at {providerName}:</strong> records a refund made in {providerName}&apos;s dashboard; nothing is sent.
            </p>
          </div>
        }
      >
        {/* Three choices beside "Decide later": they wrap inside the dialog's width instead of widening it. */}
        <form id={formId} action={formAction} className="flex min-w-0 flex-col-reverse gap-2 sm:flex-1 sm:flex-row sm:flex-wrap-reverse sm:justify-end">
          <InvoiceRef id={invoiceId} version={version} />
          <input type="hidden" name="paymentId" value={paymentId} />
          <Choice resolution="refunded_at_provider" variant="outline">{`Already refunded at ${providerName}`}</Choice>
          <Choice resolution="refund" variant="destructive">{`Refund ${amount}`}</Choice>
          {acceptRefusal ? null : <Choice resolution="accept" variant="default">Accept as payment</Choice>}
        </form>
      </ConfirmDialog>
    </div>
  );
}
