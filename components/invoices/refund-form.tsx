"use client";

import { useAssignmentAction, type FormAction } from "@/components/assignments/use-assignment-action";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { InvoiceRef } from "./invoice-ref";

/** An admin refunds (part of) one payment: manual refunds count at once, a provider's once it confirms. */
export function RefundForm<T>({ action, invoiceId, version, paymentId, refundable, label, confirmedBy }: { action: FormAction<T>; invoiceId: string; version: number; paymentId: string; refundable: string; label: string; confirmedBy: string | null }) {
  const [state, formAction] = useAssignmentAction(action, confirmedBy ? `Refund requested; ${confirmedBy} confirms it shortly` : "Refund recorded");
  // Only this payment's form shows the refusal.
  const mine = state.status !== "error" || state.values?.paymentId === undefined || state.values.paymentId === paymentId;
  const errors = mine ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" && mine ? (state.values ?? {}) : {};
  return (
    <form key={version} action={formAction} noValidate className="space-y-3" aria-label={`Refund ${label}`} data-testid="refund-form">
      {mine ? <FormMessage state={state} /> : null}
      <InvoiceRef id={invoiceId} version={version} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <Field label="Amount" name="amount" inputMode="decimal" defaultValue={values.amount ?? refundable} errors={errors.amount} hint={`Up to ${refundable} can be refunded.`} />
      <TextareaField label="Reason" name="reason" rows={2} maxLength={1000} defaultValue={values.reason} errors={errors.reason} hint="Kept in the invoice's timeline." />
      {errors.paymentId ? <p className="text-sm text-red-700">{errors.paymentId.join(" ")}</p> : null}
      <SubmitButton variant="secondary" pendingText="Refunding…">
        Refund payment
      </SubmitButton>
    </form>
  );
}
