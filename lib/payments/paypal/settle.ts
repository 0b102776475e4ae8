import { applyConfirmedRefund } from "@/lib/invoices/apply-refund";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices, payments, type Notification, type Payment } from "@/db/schema";
import { applySucceededPayment } from "@/lib/invoices/apply-payment";
import { activeAdminIds, auditInvoice, invoiceName, lockInvoice, notifyEach } from "@/lib/invoices/change-invoice";
import { invoiceLinks } from "@/lib/invoices/policy";
import { formatMoney, isCurrency, parseMinor } from "@/lib/money/money";

/** What a capture (from the capture call or a PAYMENT.CAPTURE.* webhook) says, in PayPal's terms. */
export type CaptureFacts = { captureId: string; status: string; currency?: string; value?: string; at?: Date };

export type Settled = {
  /** applied | duplicate | disputed | failed | left_pending | ignored … */
  result: string;
  error?: string;
  payment?: Payment;
  notifications: Notification[];
};

/** Our payment row keeps the capture id in `note` once captured (refunds name the capture, not the order). */
export const captureNote = (captureId: string) => `paypal capture=${captureId}`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "65.50" USD → 6550; null when the currency is not one we take or the value is not a positive amount in it. */
export function capturedMinor(currency: string | undefined, value: string | undefined): { amountMinor: number; currency: string } | null {
  const code = currency?.toUpperCase() ?? "";
  if (!isCurrency(code) || value === undefined) return null;
  const amountMinor = parseMinor(value, code);
  return amountMinor !== null && amountMinor > 0 ? { amountMinor, currency: code } : null;
}

const paypalRow = async (tx: Executor, orderId: string) =>
  (await tx.select().from(payments).where(and(eq(payments.provider, "paypal"), eq(payments.providerReference, orderId))).for("update"))[0];

/**
 * Settles the payment of a PayPal order from its capture, inside the caller's transaction: the
 * invoice is locked first (as applySucceededPayment does), then our payment row. A payment already
 * settled is a duplicate (the capture call and the COMPLETED webhook both arrive; only the first
 * counts). A completed capture whose amount or currency differs from what the order asked for is
 * stored as disputed for an admin; otherwise it goes through applySucceededPayment. A denied or
 * declined capture fails the pending payment. Without a payment row (an order we did not start
 * here), `invoiceHint` (the order's custom_id) names the invoice; unknown → ignored.
 */
export async function settleCapture(tx: Executor, orderId: string, invoiceHint: string | undefined, capture: CaptureFacts): Promise<Settled> {
  const [known] = await tx.select({ invoiceId: payments.invoiceId }).from(payments).where(and(eq(payments.provider, "paypal"), eq(payments.providerReference, orderId)));
  const invoiceId = known?.invoiceId ?? (invoiceHint && uuid.test(invoiceHint) ? invoiceHint : undefined);
  const invoice = invoiceId ? await lockInvoice(tx, null, invoiceId) : undefined;
  if (!invoice) return { result: "ignored", error: "unknown invoice", notifications: [] };
  const row = await paypalRow(tx, orderId);
  if (row && row.status !== "pending") return { result: "duplicate", payment: row, notifications: [] };

  switch (capture.status) {
    case "COMPLETED": {
      const captured = capturedMinor(capture.currency, capture.value);
      const asked = row ? { amountMinor: row.amountMinor, currency: row.currency } : null;
      const reason = !captured
        ? `PayPal captured an amount we cannot use (${capture.value ?? "?"} ${capture.currency ?? "?"})`
        : asked && (captured.currency !== asked.currency || captured.amountMinor !== asked.amountMinor)
          ? `PayPal captured ${formatMoney(captured.amountMinor, captured.currency)}, the order asked for ${formatMoney(asked.amountMinor, asked.currency)}`
          : null;
      if (reason && row) {
        const [stored] = await tx
          .update(payments)
          .set({
            status: "disputed",
            disputeReason: reason,
            ...(captured ?? {}),
            method: "paypal",
            note: captureNote(capture.captureId),
            paidAt: capture.at ?? new Date(),
            updatedAt: new Date(),
          })
          .where(eq(payments.id, row.id))
          .returning();
        await auditInvoice(tx, null, "payment.disputed", invoice, { paymentId: row.id, provider: "paypal", reference: orderId, capture: capture.captureId, ...(captured ?? {}), reason });
        const notifications = await notifyEach(tx, [
          [await activeAdminIds(tx), { type: "payment.disputed", title: `A payment on ${invoiceName(invoice)} needs review`, body: reason, link: invoiceLinks.admin(invoice.id) }],
        ]);
        return { result: "disputed", payment: stored, notifications };
      }
      if (!captured) return { result: "ignored", error: reason ?? "unusable amount", notifications: [] };
      const applied = await applySucceededPayment(tx, invoice.id, {
        provider: "paypal",
        providerReference: orderId,
        amountMinor: captured.amountMinor,
        currency: captured.currency,
        paidAt: capture.at,
        method: "paypal",
        note: captureNote(capture.captureId),
      });
      return { result: applied.outcome, payment: applied.payment, notifications: applied.notifications };
    }
    case "DECLINED":
    case "DENIED":
    case "FAILED": {
      if (!row) return { result: "ignored", error: `no pending payment for order ${orderId}`, notifications: [] };
      const [stored] = await tx
        .update(payments)
        .set({ status: "failed", note: captureNote(capture.captureId), updatedAt: new Date() })
        .where(eq(payments.id, row.id))
        .returning();
      return { result: "failed", payment: stored, notifications: [] };
    }
    default:
      // PENDING: PayPal settles it later and says so with PAYMENT.CAPTURE.COMPLETED or DENIED.
      return { result: `left_${capture.status.toLowerCase() || "unknown"}`, payment: row, notifications: [] };
  }
}

/**
 * A refund made at PayPal. There is no refund move in the invoice state rules yet, so (as for
 * Stripe) the invoice is left alone: the payment is marked refunded or partially_refunded from the
 * total refunded on the capture, and the refund is audited on the invoice for an admin.
 */
export async function refundCapture(
  tx: Executor,
  refund: { refundId: string; captureId?: string; orderId?: string; totalRefunded?: { currency?: string; value?: string } },
): Promise<Settled> {
  let payment: Payment | undefined;
  if (refund.orderId) payment = await paypalRow(tx, refund.orderId);
  if (!payment && refund.captureId) {
    [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, "paypal"), eq(payments.note, captureNote(refund.captureId))))
      .for("update");
  }
  if (!payment) return { result: "ignored", error: `no payment for capture ${refund.captureId ?? "?"}`, notifications: [] };
  if (payment.status !== "succeeded" && payment.status !== "partially_refunded") {
    return { result: "ignored", error: `payment ${payment.id} is ${payment.status}, not refundable`, notifications: [] };
  }
  const total = capturedMinor(refund.totalRefunded?.currency, refund.totalRefunded?.value);
  if (!total || total.currency !== payment.currency) return { result: "ignored", error: `refund ${refund.refundId} has no usable total`, notifications: [] };
  // The invoice counts it as Stripe's refunds are counted: the admin's pending refund, or one made at PayPal.
  const confirmed = await applyConfirmedRefund(tx, payment.id, total.amountMinor);
  const status = total.amountMinor >= payment.amountMinor ? ("refunded" as const) : ("partially_refunded" as const);
  const [stored] = await tx.update(payments).set({ status, updatedAt: new Date() }).where(eq(payments.id, payment.id)).returning();
  const [invoice] = await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.id, payment.invoiceId));
  if (invoice) {
    await auditInvoice(tx, null, "payment.refunded", invoice, {
      paymentId: payment.id,
      provider: "paypal",
      reference: payment.providerReference,
      refund: refund.refundId,
      refundedMinor: total.amountMinor,
      currency: total.currency,
      status,
    });
  }
  return { result: status, payment: stored, notifications: confirmed.notifications };
}
