"use client";

import { useAssignmentAction, type FormAction } from "@/components/assignments/use-assignment-action";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatMoney, parseMinor } from "@/lib/money/money";
import { InvoiceRef } from "./invoice-ref";
import { useConfirmedSubmit } from "./use-confirmed-submit";

/** An admin refunds (part of) one payment: manual refunds count at once, a provider's once it confirms. */
type Props<T> = { action: FormAction<T>; invoiceId: string; version: number; paymentId: string; refundable: string; currency: string; label: string; confirmedBy: string | null };

export function RefundForm<T>({ action, invoiceId, version, paymentId, refundable, currency, label, confirmedBy }: Props<T>) {
  const [state, formAction] = useAssignmentAction(action, confirmedBy ? `Refund requested; ${confirmedBy} confirms it shortly` : "Refund recorded");
  // Only this payment's form shows the refusal.
  const mine = state.status !== "error" || state.values?.paymentId === undefined || state.values.paymentId === paymentId;
  const errors = mine ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" && mine ? (state.values ?? {}) : {};
  const { formRef, onSubmit, dialog } = useConfirmedSubmit((data) => {
    const minor = parseMinor(String(data.get("amount") ?? ""), currency);
    if (minor === null || minor <= 0) return null;
    const amount = formatMoney(minor, currency);
    return {
      title: `Refund ${amount}?`,
      description: confirmedBy ? `${confirmedBy} sends the money back to the student; it cannot be called back once sent.` : "The refund is recorded at once and the student is told. Pay the money back outside the app.",
      confirmLabel: `Refund ${amount}`,
      cancelLabel: "Go back",
      destructive: true,
    };
  });
  return (
    <form key={version} ref={formRef} onSubmit={onSubmit} action={formAction} noValidate className="space-y-3" aria-label={`Refund ${label}`} data-testid="refund-form">
      {dialog}
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
