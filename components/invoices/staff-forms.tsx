"use client";

import { useId } from "react";
import { useAssignmentAction, type FormAction } from "@/components/assignments/use-assignment-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatMoney, parseMinor } from "@/lib/money/money";
import { InvoiceRef } from "./invoice-ref";
import { methodOptions } from "./labels";
import { useConfirmedSubmit } from "./use-confirmed-submit";

type Ref<T> = { action: FormAction<T>; invoiceId: string; version: number };

/** A move that needs nothing but the invoice and can be taken back (submit for approval). */
export function MoveForm<T>({ action, invoiceId, version, label, pendingText, success }: Ref<T> & { label: string; pendingText: string; success: string }) {
  const [state, formAction] = useAssignmentAction(action, success);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <InvoiceRef id={invoiceId} version={version} />
      <SubmitButton pendingText={pendingText}>{label}</SubmitButton>
    </form>
  );
}

/** Approving issues the invoice to the student with its number: it asks first. */
export function ApproveForm<T>({ action, invoiceId, version, total, studentName }: Ref<T> & { total: string; studentName: string | null }) {
  const [state, formAction] = useAssignmentAction(action, "Invoice approved");
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <ConfirmDialog
        trigger="Approve"
        variant="default"
        title={`Approve and issue this ${total} invoice?`}
        description={`It gets its invoice number and ${studentName ?? "the student"} is told it is ready to pay. An issued invoice can only be voided, not edited.`}
        cancelLabel="Keep it pending"
      >
        <form action={formAction}>
          <InvoiceRef id={invoiceId} version={version} />
          <SubmitButton pendingText="Approving…">{`Approve and issue ${total}`}</SubmitButton>
        </form>
      </ConfirmDialog>
    </div>
  );
}

/** An admin sends the invoice back to draft; the reason goes to the CS rep who drafted it. */
export function RejectForm<T>({ action, invoiceId, version }: Ref<T>) {
  const [state, formAction] = useAssignmentAction(action, "Invoice sent back to draft");
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const { formRef, onSubmit, dialog } = useConfirmedSubmit(() => ({
    title: "Send this invoice back to draft?",
    description: "The CS rep who drafted it gets your reason and can change it and submit it again.",
    confirmLabel: "Reject and send back",
    cancelLabel: "Keep it pending",
    destructive: true,
  }));
  return (
    <form key={version} ref={formRef} onSubmit={onSubmit} action={formAction} noValidate className="space-y-3" aria-label="Reject invoice">
      {dialog}
      <FormMessage state={state} />
      <InvoiceRef id={invoiceId} version={version} />
      <TextareaField label="Reason" name="reason" rows={3} maxLength={1000} defaultValue={values.reason} errors={errors.reason} hint="The CS rep who drafted it is told." />
      <SubmitButton variant="secondary" pendingText="Rejecting…">
        Reject invoice
      </SubmitButton>
    </form>
  );
}

/** Voiding asks first; the reason is sent to the student. */
export function VoidForm<T>({ action, invoiceId, version, number }: Ref<T> & { number: string | null }) {
  const [state, formAction] = useAssignmentAction(action, "Invoice voided");
  const formId = useId();
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {errors.reason ? (
        <p className="text-sm text-red-700" data-testid="error-void-reason">
          {errors.reason.join(" ")}
        </p>
      ) : null}
      <ConfirmDialog
        trigger="Void"
        title={`Void ${number ?? "this invoice"}?`}
        cancelLabel="Keep invoice"
        description={
          <>
            <p>{number ?? "The invoice"} keeps its number but can no longer be paid. The student is told the reason. This cannot be undone.</p>
            {/* Outside the form in the DOM, inside it through the form attribute. */}
            <div className="mt-4">
              <TextareaField form={formId} label="Reason" name="reason" rows={3} maxLength={1000} defaultValue={values.reason} errors={errors.reason} />
            </div>
          </>
        }
      >
        <form id={formId} action={formAction}>
          <InvoiceRef id={invoiceId} version={version} />
          <SubmitButton variant="destructive" pendingText="Voiding…">
            {`Void ${number ?? "invoice"}`}
          </SubmitButton>
        </form>
      </ConfirmDialog>
    </div>
  );
}

/** An admin records money received outside the app; part payments leave the invoice partially paid. */
export function ManualPaymentForm<T>({ action, invoiceId, version, today, balance, currency, number }: Ref<T> & { today: string; balance: string; currency: string; number: string | null }) {
  const [state, formAction] = useAssignmentAction(action, "Payment recorded");
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const { formRef, onSubmit, dialog } = useConfirmedSubmit((data) => {
    const minor = parseMinor(String(data.get("amount") ?? ""), currency);
    if (minor === null || minor <= 0) return null;
    const amount = formatMoney(minor, currency);
    return {
      title: `Record a ${amount} payment${number ? ` on ${number}` : ""}?`,
      description: "It counts towards the balance at once and the student sees it. A recorded payment can be refunded but not deleted.",
      confirmLabel: `Record ${amount} payment`,
      cancelLabel: "Go back",
    };
  });
  return (
    <form key={version} ref={formRef} onSubmit={onSubmit} action={formAction} noValidate className="space-y-3" aria-label="Record manual payment">
      {dialog}
      <FormMessage state={state} />
      <InvoiceRef id={invoiceId} version={version} />
      {/* Keyed: React applies a select's defaultValue only on mount, and resets the form after a refusal. */}
      <SelectField key={values.method ?? "bank_transfer"} label="Method" name="method" defaultValue={values.method ?? "bank_transfer"} errors={errors.method}>
        {methodOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <Field label="Reference" name="reference" maxLength={120} defaultValue={values.reference} errors={errors.reference} hint="The bank reference, receipt or cheque number." />
      <Field label="Amount" name="amount" inputMode="decimal" defaultValue={values.amount} errors={errors.amount} hint={`Balance: ${balance}`} />
      <Field label="Paid on" name="paidOn" type="date" max={today} defaultValue={values.paidOn ?? today} errors={errors.paidOn} />
      <TextareaField label="Note" name="note" rows={2} maxLength={1000} defaultValue={values.note} errors={errors.note} />
      <SubmitButton pendingText="Recording…">Record payment</SubmitButton>
    </form>
  );
}
