import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type Invoice, type Notification, type Payment, type PaymentProvider } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMinor, formatMoney } from "@/lib/money/money";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { activeAdminIds, auditInvoice, invoiceName, lockInvoice, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { receiptReference } from "./receipt";
import { isPayable, paymentMove, plan, statusLabel } from "./state";

export type SucceededPayment = {
  provider: PaymentProvider;
  providerReference: string;
  amountMinor: number;
  currency: string;
  paidAt?: Date;
  method?: string | null;
  /** The admin's own note (manual payments); never a provider's reference. */
  note?: string | null;
  recordedBy?: string | null;
  /** What a later refund names at the provider. */
  stripePaymentIntent?: string | null;
  paypalCaptureId?: string | null;
};

export type AppliedPayment = {
  /** applied: counted toward the invoice; disputed: stored, not counted; duplicate: already known, nothing changed. */
  outcome: "applied" | "disputed" | "duplicate";
  payment: Payment;
  invoice: Invoice;
  balanceMinor: number;
  notifications: Notification[];
};

/**
 * The one rule for money that arrives, whichever way: why it cannot count toward the invoice, or
 * null. The app only ever asks Stripe and PayPal for the whole balance, so a provider's payment of
 * any other amount (or currency) is a mismatch; an admin may record a part payment by hand.
 */
export function paymentMismatch(invoice: Pick<Invoice, "status" | "currency" | "totalMinor" | "paidMinor">, payment: Pick<SucceededPayment, "provider" | "amountMinor" | "currency">): string | null {
  const balance = invoice.totalMinor - invoice.paidMinor;
  if (!isPayable(invoice.status)) return `The invoice is ${statusLabel[invoice.status]}, not open for payment`;
  if (payment.currency !== invoice.currency) return `Paid in ${payment.currency}, invoiced in ${invoice.currency}`;
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) return "The amount is not a positive amount";
  const paid = formatMoney(payment.amountMinor, payment.currency);
  if (payment.amountMinor > balance) return `Paid ${paid}, the balance was ${formatMoney(balance, invoice.currency)}`;
  if (payment.provider !== "manual" && payment.amountMinor !== balance) return `Paid ${paid}, the balance asked for was ${formatMoney(balance, invoice.currency)}`;
  return null;
}

/** Audits a payment stored as disputed and asks every active admin to settle it. */
export async function reportDispute(tx: Executor, actor: Pick<Actor, "id" | "ip"> | null, invoice: Invoice, payment: Payment, reason: string, metadata: Record<string, unknown> = {}): Promise<Notification[]> {
  await auditInvoice(tx, actor, "payment.disputed", invoice, { paymentId: payment.id, provider: payment.provider, reference: payment.providerReference, amountMinor: payment.amountMinor, currency: payment.currency, ...metadata, reason });
  return notifyEach(tx, [
    [await activeAdminIds(tx), { type: "payment.disputed", title: `A payment on ${invoiceName(invoice)} needs review`, body: reason, link: invoiceLinks.admin(invoice.id), taskKey: taskKeys.settleDispute(payment.id) }],
  ]);
}

/**
 * Counts a stored payment toward its locked invoice: paid amount, status step and timeline row,
 * audit entry (`action`), the student told, the "pay" task closed. Checked by the caller
 * (paymentMismatch, or an admin settling a dispute); a payable invoice that still refuses is a bug.
 */
export async function countPayment(
  tx: Executor,
  actor: Pick<Actor, "id" | "ip"> | null,
  invoice: Invoice,
  payment: Payment,
  audit: { action: string; metadata?: Record<string, unknown> } = { action: "payment.applied" },
): Promise<Omit<AppliedPayment, "outcome">> {
  const amount = formatMoney(payment.amountMinor, invoice.currency);
  const paidAfter = addMinor(invoice.paidMinor, payment.amountMinor);
  const planned = plan(paymentMove(invoice.totalMinor, paidAfter), invoice.status);
  if (!planned.ok) throw new Error(`payable invoice refused a payment: ${planned.message}`);
  const saved = await saveInvoice(tx, actor?.id ?? payment.recordedBy ?? null, invoice, {
    steps: planned.steps,
    set: { paidMinor: paidAfter, paidAt: planned.status === "paid" ? (payment.paidAt ?? new Date()) : null },
    // Students read the timeline: the receipt reference, never the provider's ids or a staff note.
    note: `${amount} by ${paymentMethodWords(payment)} (receipt ${receiptReference(payment.id)})`,
  });
  await auditInvoice(tx, actor, audit.action, invoice, {
    paymentId: payment.id,
    provider: payment.provider,
    reference: payment.providerReference,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    from: invoice.status,
    to: saved.status,
    paidMinor: paidAfter,
    ...audit.metadata,
  });
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
  return { payment, invoice: saved, balanceMinor, notifications: [...resolved, ...notifications] };
}

const methodWords: Record<string, string> = { card: "card", paypal: "PayPal", bank_transfer: "bank transfer", cash: "cash", cheque: "cheque", card_terminal: "card terminal", other: "other means" };
const paymentMethodWords = (payment: Pick<Payment, "method" | "provider">) => methodWords[payment.method ?? ""] ?? (payment.provider === "paypal" ? "PayPal" : payment.provider === "stripe" ? "card" : "other means");

/**
 * Counts a succeeded payment (recorded by an admin, or confirmed by a provider) toward an invoice,
 * inside the caller's transaction. The invoice row is locked, so concurrent payments are applied
 * one at a time against the current balance. A payment the rule refuses (paymentMismatch) is
 * stored as disputed for an admin to settle (lib/invoices/resolve-dispute.ts), and the invoice is
 * left as it was. A provider reference already recorded is a duplicate (a retried webhook) and
 * changes nothing. The caller publishes `notifications` after commit.
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

  const disputeReason = paymentMismatch(invoice, payment);
  const values = {
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: disputeReason ? ("disputed" as const) : ("succeeded" as const),
    method: payment.method ?? null,
    note: payment.note ?? null,
    disputeReason,
    paidAt: payment.paidAt ?? new Date(),
    recordedBy: payment.recordedBy ?? known?.recordedBy ?? null,
    stripePaymentIntent: payment.stripePaymentIntent ?? known?.stripePaymentIntent ?? null,
    paypalCaptureId: payment.paypalCaptureId ?? known?.paypalCaptureId ?? null,
    updatedAt: new Date(),
  };
  const [stored] = known
    ? await tx.update(payments).set(values).where(eq(payments.id, known.id)).returning()
    : await tx.insert(payments).values({ ...values, invoiceId: invoice.id, provider: payment.provider, providerReference: payment.providerReference }).returning();
  if (!stored) throw new Error("payment row was not written");

  if (disputeReason) {
    // A disputed payment leaves the invoice as it was; an admin accepts or refunds it.
    const notifications = await reportDispute(tx, actor, invoice, stored, disputeReason);
    return { outcome: "disputed", payment: stored, invoice, balanceMinor: invoice.totalMinor - invoice.paidMinor, notifications };
  }
  return { outcome: "applied", ...(await countPayment(tx, actor, invoice, stored)) };
}
