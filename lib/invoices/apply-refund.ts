import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, refunds, type Invoice, type InvoiceStatus, type Notification, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addMinor, formatMoney } from "@/lib/money/money";
import { auditInvoice, invoiceName, lockInvoice, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { receiptReference } from "./receipt";
import { RefusedByRules } from "./refused-by-rules";
import { statusLabel, transitions, type Step } from "./state";

export type ConfirmedRefund = {
  /**
   * applied: refunds were confirmed and counted (on the invoice, or for a disputed payment on the
   * payment alone); duplicate: the total was already counted (a repeated confirmation), nothing
   * changed. A total beyond the refunds requested here (made in the provider's dashboard) is
   * recorded as a refund of its own and counted.
   */
  outcome: "applied" | "duplicate";
  appliedMinor: number;
  /** Refunded at the provider but not requested through the app. */
  unmatchedMinor: number;
  payment: Payment;
  invoice: Invoice;
  notifications: Notification[];
};

/** The statuses an invoice with refunds can be in: paid → partially_refunded → refunded. */
export const refundableInvoiceStatuses: readonly InvoiceStatus[] = ["paid", "partially_refunded"];

/** Payments counted on their invoice, whose refunds count there too. */
const countedPaymentStatuses: readonly Payment["status"][] = ["succeeded", "partially_refunded"];
const providerWords = { stripe: "Stripe", paypal: "PayPal", manual: "the bank" } as const;

/**
 * The provider (or, for a manual refund, the admin) confirms that `refundedMinorTotal` of the
 * payment has been refunded in all. Inside the caller's transaction: the payment's pending refunds
 * that the new total covers become succeeded (a surplus, refunded in the provider's dashboard,
 * becomes a refund of its own). For a payment counted on the invoice, the refunds count toward the
 * invoice's `refunded_minor` and the invoice moves paid → partially_refunded → refunded; for a
 * disputed payment (never counted) only the payment changes: refunded once all of it went back,
 * which settles the dispute. Either way with a timeline or version change, an audit entry and a
 * notification to the student. A total already counted is a duplicate and changes nothing, so a
 * repeated webhook is applied once. What the rules cannot count (a refund of a payment that never
 * succeeded, or on an invoice that is not paid) throws RefusedByRules and changes nothing. The
 * caller publishes `notifications` after commit.
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
  const unchanged = (outcome: ConfirmedRefund["outcome"]): ConfirmedRefund => ({ outcome, appliedMinor: 0, unmatchedMinor: 0, payment, invoice, notifications: [] });
  if (!Number.isSafeInteger(refundedMinorTotal) || refundedMinorTotal <= confirmed) return unchanged("duplicate");
  const amount = (minor: number) => formatMoney(minor, payment.currency);
  const disputed = payment.status === "disputed";
  if (!disputed && !countedPaymentStatuses.includes(payment.status)) {
    throw new RefusedByRules(`${amount(refundedMinorTotal)} was refunded at ${providerWords[payment.provider]} on a payment that is ${payment.status}; nothing was counted`, payment.id);
  }
  if (!disputed && !refundableInvoiceStatuses.includes(invoice.status)) {
    throw new RefusedByRules(`${amount(refundedMinorTotal)} was refunded at ${providerWords[payment.provider]} while the invoice is ${statusLabel[invoice.status]}; the invoice rules count refunds only on a paid invoice, so it was not counted`, payment.id);
  }
  if (refundedMinorTotal > payment.amountMinor) {
    throw new RefusedByRules(`${providerWords[payment.provider]} reports ${amount(refundedMinorTotal)} refunded on a payment of ${amount(payment.amountMinor)}; nothing was counted`, payment.id);
  }

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
  if (settled.length === 0) return unchanged("duplicate");

  const now = new Date();
  for (const row of settled) {
    await tx.update(refunds).set({ status: "succeeded", confirmedAt: now, updatedAt: now }).where(and(eq(refunds.id, row.id), eq(refunds.status, "pending")));
  }
  const appliedMinor = covered - confirmed;
  const whole = refundedMinorTotal >= payment.amountMinor;
  // A disputed payment stays disputed (still to settle) until all of it went back.
  const paymentStatus = whole ? ("refunded" as const) : disputed ? ("disputed" as const) : ("partially_refunded" as const);
  const [storedPayment] = await tx.update(payments).set({ status: paymentStatus, updatedAt: now }).where(eq(payments.id, payment.id)).returning();
  const refundedAmount = formatMoney(appliedMinor, invoice.currency);
  const reasons = settled.map((row) => row.reason).join("; ");
  const actorId = actor?.id ?? settled[0]?.requestedBy ?? null;
  const metadata = { paymentId: payment.id, refundIds: settled.map((row) => row.id), provider: payment.provider, amountMinor: appliedMinor, currency: payment.currency, unmatchedMinor };

  if (disputed) {
    // Never counted on the invoice: its amounts and status stay; the version moves so open forms reload.
    const saved = await saveInvoice(tx, actorId, invoice);
    await auditInvoice(tx, actor, "refund.applied", invoice, { ...metadata, disputed: true, paymentStatus });
    // All of it went back: the dispute is settled for every admin who was asked.
    const resolved = whole ? await resolveTask(tx, taskKeys.settleDispute(payment.id)) : [];
    const notifications = await notifyEach(tx, [
      [[invoice.studentId], {
        type: "payment.refunded",
        title: `${refundedAmount} of your payment for ${invoiceName(invoice)} is refunded`,
        body: `Refunded: ${refundedAmount}. It can take a few days to reach your account.`,
        link: invoiceLinks.student(invoice.id),
      }],
    ]);
    return { outcome: "applied", appliedMinor, unmatchedMinor, payment: storedPayment ?? payment, invoice: saved, notifications: [...resolved, ...notifications] };
  }

  const refundedAfter = addMinor(invoice.refundedMinor, appliedMinor);
  const to: InvoiceStatus = refundedAfter >= invoice.paidMinor ? "refunded" : "partially_refunded";
  const steps: Step[] = [];
  if (to !== invoice.status) {
    if (!transitions[invoice.status].includes(to)) throw new Error(`state graph does not allow ${invoice.status} → ${to}`);
    steps.push({ from: invoice.status, to });
  }
  const saved = await saveInvoice(tx, actorId, invoice, {
    steps,
    set: { refundedMinor: refundedAfter },
    // Students read the timeline: the reason an admin gave, no provider ids.
    note: `${refundedAmount} refunded (receipt ${receiptReference(payment.id)}): ${reasons}`,
  });
  await auditInvoice(tx, actor, "refund.applied", invoice, { ...metadata, refundedMinor: refundedAfter, from: invoice.status, to: saved.status });
  const notifications = await notifyEach(tx, [
    [[invoice.studentId], {
      type: "payment.refunded",
      title: saved.status === "refunded" ? `Invoice ${invoiceName(invoice)} is refunded` : `${refundedAmount} of your payment for ${invoiceName(invoice)} is refunded`,
      body: `Refunded: ${refundedAmount}. It can take a few days to reach your account.`,
      link: invoiceLinks.student(invoice.id),
    }],
  ]);
  return { outcome: "applied", appliedMinor, unmatchedMinor, payment: storedPayment ?? payment, invoice: saved, notifications };
}
