import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, refunds, type Invoice, type InvoiceStatus, type Notification, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMinor, formatMoney } from "@/lib/money/money";
import { auditInvoice, invoiceName, lockInvoice, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { transitions, type Step } from "./state";

export type ConfirmedRefund = {
  /**
   * applied: pending refunds of ours were confirmed and counted on the invoice; duplicate: the
   * total was already counted (a repeated confirmation), nothing changed; unmatched: the provider
   * reports more refunded than any refund requested here; no longer returned (such refunds are
   * recorded as refunds made at the provider and applied).
   */
  outcome: "applied" | "duplicate" | "unmatched";
  appliedMinor: number;
  /** Refunded at the provider but not requested through the app. */
  unmatchedMinor: number;
  payment: Payment;
  invoice: Invoice;
  notifications: Notification[];
};

/** The statuses an invoice with refunds can be in: paid → partially_refunded → refunded. */
export const refundableInvoiceStatuses: readonly InvoiceStatus[] = ["paid", "partially_refunded"];

/**
 * The provider (or, for a manual refund, the admin) confirms that `refundedMinorTotal` of the
 * payment has been refunded in all. Inside the caller's transaction: the payment's pending refunds
 * that the new total covers become succeeded, and only they count toward the invoice's
 * `refunded_minor`; the invoice moves paid → partially_refunded → refunded (refunded once the
 * refunds reach what was paid), with a timeline row, an audit entry and a notification to the
 * student. A total already counted is a duplicate and changes nothing, so a repeated webhook is
 * applied once. The caller publishes `notifications` after commit.
 */
export async function applyConfirmedRefund(
  tx: Executor,
  paymentId: string,
  refundedMinorTotal: number,
  actor: Pick<Actor, "id" | "ip"> | null = null,
): Promise<ConfirmedRefund> {
  const [unlocked] = await tx.select({ invoiceId: payments.invoiceId }).from(payments).where(eq(payments.id, paymentId));
  if (!unlocked) throw new Error(`applyConfirmedRefund: no payment ${paymentId}`);
  // The invoice first, then the payment: the order every payment and refund change takes.
  const invoice = await lockInvoice(tx, null, unlocked.invoiceId);
  if (!invoice) throw new Error(`applyConfirmedRefund: no invoice ${unlocked.invoiceId}`);
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!payment) throw new Error(`applyConfirmedRefund: no payment ${paymentId}`);

  const rows = await tx.select().from(refunds).where(eq(refunds.paymentId, payment.id)).orderBy(asc(refunds.createdAt), asc(refunds.id)).for("update");
  const confirmed = rows.filter((row) => row.status === "succeeded").reduce((sum, row) => addMinor(sum, row.amountMinor), 0);
  const unchanged = (outcome: ConfirmedRefund["outcome"], unmatchedMinor = 0): ConfirmedRefund => ({ outcome, appliedMinor: 0, unmatchedMinor, payment, invoice, notifications: [] });
  if (!Number.isSafeInteger(refundedMinorTotal) || refundedMinorTotal <= confirmed) return unchanged("duplicate");

  // The pending refunds the new total covers, oldest first (a later, smaller one may settle first).
  let covered = confirmed;
  const settled: typeof rows = [];
  for (const row of rows) {
    if (row.status !== "pending" || addMinor(covered, row.amountMinor) > refundedMinorTotal) continue;
    covered = addMinor(covered, row.amountMinor);
    settled.push(row);
  }
  const unmatchedMinor = refundedMinorTotal - covered;
  // Refunded at the provider beyond what was asked here (e.g. from Stripe's dashboard): the money
  // has gone back all the same, so it is recorded as a refund of its own and counted.
  if (unmatchedMinor > 0) {
    const [external] = await tx
      .insert(refunds)
      .values({ paymentId: payment.id, invoiceId: invoice.id, provider: payment.provider, amountMinor: unmatchedMinor, currency: payment.currency, status: "pending", reason: `Refunded at ${payment.provider}` })
      .returning();
    if (external) settled.push(external);
    covered = refundedMinorTotal;
  }
  if (settled.length === 0) return unchanged("unmatched", unmatchedMinor);

  if (!refundableInvoiceStatuses.includes(invoice.status)) throw new Error(`applyConfirmedRefund: invoice ${invoice.id} is ${invoice.status}`);
  const now = new Date();
  for (const row of settled) {
    await tx.update(refunds).set({ status: "succeeded", confirmedAt: now, updatedAt: now }).where(and(eq(refunds.id, row.id), eq(refunds.status, "pending")));
  }
  const appliedMinor = covered - confirmed;
  const paymentStatus = refundedMinorTotal >= payment.amountMinor ? ("refunded" as const) : ("partially_refunded" as const);
  const [storedPayment] = await tx.update(payments).set({ status: paymentStatus, updatedAt: now }).where(eq(payments.id, payment.id)).returning();

  const refundedAfter = addMinor(invoice.refundedMinor, appliedMinor);
  const to: InvoiceStatus = refundedAfter >= invoice.paidMinor ? "refunded" : "partially_refunded";
  const steps: Step[] = [];
  if (to !== invoice.status) {
    if (!transitions[invoice.status].includes(to)) throw new Error(`state graph does not allow ${invoice.status} → ${to}`);
    steps.push({ from: invoice.status, to });
  }
  const amount = formatMoney(appliedMinor, invoice.currency);
  const reasons = settled.map((row) => row.reason).join("; ");
  const saved = await saveInvoice(tx, actor?.id ?? settled[0]?.requestedBy ?? null, invoice, {
    steps,
    set: { refundedMinor: refundedAfter },
    note: `${amount} refunded by ${payment.method ?? payment.provider} (${payment.providerReference}): ${reasons}`,
  });
  await auditInvoice(tx, actor, "refund.applied", invoice, {
    paymentId: payment.id,
    refundIds: settled.map((row) => row.id),
    provider: payment.provider,
    amountMinor: appliedMinor,
    currency: invoice.currency,
    refundedMinor: refundedAfter,
    from: invoice.status,
    to: saved.status,
  });
  const notifications = await notifyEach(tx, [
    [[invoice.studentId], {
      type: "payment.refunded",
      title: saved.status === "refunded" ? `Invoice ${invoiceName(invoice)} is refunded` : `${amount} of your payment for ${invoiceName(invoice)} is refunded`,
      body: `Refunded: ${amount}. It can take a few days to reach your account.`,
      link: invoiceLinks.student(invoice.id),
    }],
  ]);
  return { outcome: "applied", appliedMinor, unmatchedMinor, payment: storedPayment ?? payment, invoice: saved, notifications };
}
