import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type Invoice, type Notification, type Payment, type PaymentProvider } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMinor, formatMoney } from "@/lib/money/money";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { activeAdminIds, auditInvoice, invoiceName, lockInvoice, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { isPayable, paymentMove, plan } from "./state";

export type SucceededPayment = {
  provider: PaymentProvider;
  providerReference: string;
  amountMinor: number;
  currency: string;
  paidAt?: Date;
  method?: string | null;
  note?: string | null;
  recordedBy?: string | null;
};

export type AppliedPayment = {
  /** applied: counted toward the invoice; disputed: stored, not counted; duplicate: already known, nothing changed. */
  outcome: "applied" | "disputed" | "duplicate";
  payment: Payment;
  invoice: Invoice;
  balanceMinor: number;
  notifications: Notification[];
};

function mismatch(invoice: Invoice, payment: SucceededPayment): string | null {
  const balance = invoice.totalMinor - invoice.paidMinor;
  if (!isPayable(invoice.status)) return `The invoice is ${invoice.status}, not open for payment`;
  if (payment.currency !== invoice.currency) return `Paid in ${payment.currency}, invoiced in ${invoice.currency}`;
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) return "The amount is not a positive amount";
  if (payment.amountMinor > balance) return `Paid ${formatMoney(payment.amountMinor, payment.currency)}, the balance was ${formatMoney(balance, invoice.currency)}`;
  return null;
}

/**
 * Counts a succeeded payment (manual now, a provider's webhook later) toward an invoice, inside
 * the caller's transaction. The invoice row is locked, so concurrent payments are applied one at
 * a time against the current balance. A payment whose currency differs, that exceeds the balance,
 * or that arrives for an invoice not open for payment is stored as disputed for an admin to sort
 * out, and the invoice is left as it was. A provider reference already recorded is a duplicate
 * (a retried webhook) and changes nothing. The caller publishes `notifications` after commit.
 */
export async function applySucceededPayment(tx: Executor, invoiceId: string, payment: SucceededPayment, actor: Pick<Actor, "id" | "ip"> | null = null): Promise<AppliedPayment> {
  const invoice = await lockInvoice(tx, null, invoiceId);
  if (!invoice) throw new Error(`applySucceededPayment: no invoice ${invoiceId}`);
  const [known] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.provider, payment.provider), eq(payments.providerReference, payment.providerReference)))
    .for("update");
  if (known && known.invoiceId !== invoice.id) throw new Error(`payment ${payment.provider}:${payment.providerReference} belongs to another invoice`);
  if (known && known.status !== "pending") return { outcome: "duplicate", payment: known, invoice, balanceMinor: invoice.totalMinor - invoice.paidMinor, notifications: [] };

  const disputeReason = mismatch(invoice, payment);
  const values = {
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: disputeReason ? ("disputed" as const) : ("succeeded" as const),
    method: payment.method ?? null,
    note: payment.note ?? null,
    disputeReason,
    paidAt: payment.paidAt ?? new Date(),
    recordedBy: payment.recordedBy ?? known?.recordedBy ?? null,
    updatedAt: new Date(),
  };
  const [stored] = known
    ? await tx.update(payments).set(values).where(eq(payments.id, known.id)).returning()
    : await tx.insert(payments).values({ ...values, invoiceId: invoice.id, provider: payment.provider, providerReference: payment.providerReference }).returning();
  if (!stored) throw new Error("payment row was not written");
  const audit = { paymentId: stored.id, provider: payment.provider, reference: payment.providerReference, amountMinor: payment.amountMinor, currency: payment.currency };

  if (disputeReason) {
    // A disputed payment leaves the invoice as it was; admins decide (refund or reconcile).
    await auditInvoice(tx, actor, "payment.disputed", invoice, { ...audit, reason: disputeReason });
    const notifications = await notifyEach(tx, [
      [await activeAdminIds(tx), { type: "payment.disputed", title: `A payment on ${invoiceName(invoice)} needs review`, body: disputeReason, link: invoiceLinks.admin(invoice.id) }],
    ]);
    return { outcome: "disputed", payment: stored, invoice, balanceMinor: invoice.totalMinor - invoice.paidMinor, notifications };
  }

  const amount = formatMoney(payment.amountMinor, invoice.currency);
  const paidAfter = addMinor(invoice.paidMinor, payment.amountMinor);
  const planned = plan(paymentMove(invoice.totalMinor, paidAfter), invoice.status);
  if (!planned.ok) throw new Error(`payable invoice refused a payment: ${planned.message}`);
  const saved = await saveInvoice(tx, actor?.id ?? payment.recordedBy ?? null, invoice, {
    steps: planned.steps,
    set: { paidMinor: paidAfter, paidAt: planned.status === "paid" ? values.paidAt : null },
    note: `${amount} by ${payment.method ?? payment.provider} (${payment.providerReference})`,
  });
  await auditInvoice(tx, actor, "payment.applied", invoice, { ...audit, from: invoice.status, to: saved.status, paidMinor: paidAfter });
  const balanceMinor = saved.totalMinor - saved.paidMinor;
  // A payment closes the "pay" task; a balance left over is asked for again by the new notification.
  const resolved = await resolveTask(tx, taskKeys.payInvoice(invoice.id));
  const notifications = await notifyEach(tx, [
    [[invoice.studentId], {
      type: "payment.received",
      title: saved.status === "paid" ? `Invoice ${invoiceName(invoice)} is paid` : `We received ${amount} for ${invoiceName(invoice)}`,
      body: saved.status === "paid" ? "Thank you." : `Balance due: ${formatMoney(balanceMinor, invoice.currency)}.`,
      link: invoiceLinks.student(invoice.id),
      taskKey: saved.status === "paid" ? undefined : taskKeys.payInvoice(invoice.id),
    }],
  ]);
  return { outcome: "applied", payment: stored, invoice: saved, balanceMinor, notifications: [...resolved, ...notifications] };
}
