import { applyConfirmedRefund } from "@/lib/invoices/apply-refund";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type Notification, type Payment } from "@/db/schema";
import { applySucceededPayment, reportDispute } from "@/lib/invoices/apply-payment";
import { lockInvoice } from "@/lib/invoices/change-invoice";
import { RefusedByRules } from "@/lib/invoices/refused-by-rules";
import { isCurrency, parseMinor } from "@/lib/money/money";

/** What a capture (from the capture call or a PAYMENT.CAPTURE.* webhook) says, in PayPal's terms. */
export type CaptureFacts = { captureId: string; status: string; currency?: string; value?: string; at?: Date };

export type Settled = {
  /** applied | duplicate | disputed | failed | left_pending | ignored … */
  result: string;
  error?: string;
  payment?: Payment;
  notifications: Notification[];
};

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
 * counts). A completed capture goes through applySucceededPayment, whose one rule (the whole
 * balance, in the invoice's currency) holds for card and PayPal alike: anything else is stored as
 * disputed for an admin. A capture whose amount cannot be read is disputed as well. A denied or
 * declined capture fails the pending payment. Without a payment row (an order we did not start
 * here), `invoiceHint` (the order's custom_id) names the invoice; unknown → ignored. The capture
 * id is kept on the payment: PayPal's refunds name the capture, not the order.
 */
export async function settleCapture(tx: Executor, orderId: string, invoiceHint: string | undefined, capture: CaptureFacts): Promise<Settled> {
  const [known] = await tx.select({ invoiceId: payments.invoiceId }).from(payments).where(and(eq(payments.provider, "paypal"), eq(payments.providerReference, orderId)));
  const invoiceId = known?.invoiceId ?? (invoiceHint && uuid.test(invoiceHint) ? invoiceHint : undefined);
  const invoice = invoiceId ? await lockInvoice(tx, null, invoiceId) : undefined;
  if (!invoice) {
    // Money was captured for an invoice we cannot find: retrying will not find it either, so staff are told.
    if (capture.status === "COMPLETED") throw new RefusedByRules(`PayPal captured ${capture.value ?? "?"} ${capture.currency ?? "?"} (order ${orderId}, capture ${capture.captureId}) for an invoice this app does not know`);
    return { result: "ignored", error: "unknown invoice", notifications: [] };
  }
  const row = await paypalRow(tx, orderId);
  if (row && row.status !== "pending") return { result: "duplicate", payment: row, notifications: [] };

  switch (capture.status) {
    case "COMPLETED": {
      const captured = capturedMinor(capture.currency, capture.value);
      if (!captured) {
        const reason = `PayPal captured an amount we cannot use (${capture.value ?? "?"} ${capture.currency ?? "?"})`;
        if (!row) return { result: "ignored", error: reason, notifications: [] };
        const [stored] = await tx
          .update(payments)
          .set({ status: "disputed", disputeReason: reason, method: "paypal", paypalCaptureId: capture.captureId, paidAt: capture.at ?? new Date(), updatedAt: new Date() })
          .where(eq(payments.id, row.id))
          .returning();
        if (!stored) throw new Error("locked payment vanished");
        return { result: "disputed", payment: stored, notifications: await reportDispute(tx, null, invoice, stored, reason, { capture: capture.captureId }) };
      }
      const applied = await applySucceededPayment(tx, invoice.id, {
        provider: "paypal",
        providerReference: orderId,
        amountMinor: captured.amountMinor,
        currency: captured.currency,
        paidAt: capture.at,
        method: "paypal",
        paypalCaptureId: capture.captureId,
      });
      return { result: applied.outcome, payment: applied.payment, notifications: applied.notifications };
    }
    case "DECLINED":
    case "DENIED":
    case "FAILED": {
      if (!row) return { result: "ignored", error: `no pending payment for order ${orderId}`, notifications: [] };
      const [stored] = await tx
        .update(payments)
        .set({ status: "failed", paypalCaptureId: capture.captureId, updatedAt: new Date() })
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
 * A refund made at PayPal, whether an admin asked for it here (refund-payment.ts or
 * resolve-dispute.ts, pending until now) or in PayPal's dashboard: counted as Stripe's are, by
 * applyConfirmedRefund from the total refunded on the capture, on the invoice or (for a disputed
 * payment) on the payment alone. What the rules cannot count is flagged for staff by the ledger.
 */
export async function refundCapture(
  tx: Executor,
  refund: { refundId: string; captureId?: string; orderId?: string; totalRefunded?: { currency?: string; value?: string } },
): Promise<Settled> {
  let payment: Payment | undefined;
  if (refund.orderId) payment = await paypalRow(tx, refund.orderId);
  if (!payment && refund.captureId) {
    [payment] = await tx.select().from(payments).where(and(eq(payments.provider, "paypal"), eq(payments.paypalCaptureId, refund.captureId)));
  }
  if (!payment) return { result: "ignored", error: `no payment for capture ${refund.captureId ?? "?"}`, notifications: [] };
  const total = capturedMinor(refund.totalRefunded?.currency, refund.totalRefunded?.value);
  if (!total || total.currency !== payment.currency) throw new RefusedByRules(`PayPal refund ${refund.refundId} has no total we can count (${refund.totalRefunded?.value ?? "?"} ${refund.totalRefunded?.currency ?? "?"})`, payment.id);
  const confirmed = await applyConfirmedRefund(tx, payment.id, total.amountMinor);
  return { result: confirmed.outcome === "applied" ? confirmed.payment.status : confirmed.outcome, payment: confirmed.payment, notifications: confirmed.notifications };
}
