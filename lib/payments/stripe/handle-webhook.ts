import { and, eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import type { Database, Transaction } from "@/db/client";
import { invoices, payments, webhookEvents } from "@/db/schema";
import { applySucceededPayment } from "@/lib/invoices/apply-payment";
import { applyConfirmedRefund } from "@/lib/invoices/apply-refund";
import { RefusedByRules } from "@/lib/invoices/refused-by-rules";
import { formatMoney, isCurrency } from "@/lib/money/money";
import { recordAndApply, type Applied, type WebhookResponse } from "../webhook-ledger";

export type { WebhookResponse };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAID_SESSION_EVENTS = ["checkout.session.completed", "checkout.session.async_payment_succeeded"];

const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === "string" ? value : value.id);

async function invoiceOf(tx: Transaction, session: Stripe.Checkout.Session): Promise<string | null> {
  const invoiceId = session.metadata?.invoice_id ?? session.client_reference_id;
  if (!invoiceId || !uuid.test(invoiceId)) return null;
  const [row] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, invoiceId));
  return row?.id ?? null;
}

/** A paid session counts toward its invoice, or is stored as disputed when the shared rule refuses it (paymentMismatch). */
async function applyPaidSession(tx: Transaction, session: Stripe.Checkout.Session, event: Stripe.Event): Promise<Applied> {
  const invoiceId = await invoiceOf(tx, session);
  // Money was taken for an invoice we cannot find: retrying will not find it either, so staff are told.
  if (!invoiceId) {
    const currency = session.currency?.toUpperCase() ?? "";
    const amount = session.amount_total !== null && Number.isSafeInteger(session.amount_total) && isCurrency(currency) ? formatMoney(session.amount_total, currency) : "a payment";
    throw new RefusedByRules(`Stripe took ${amount} (session ${session.id}) for an invoice this app does not know`);
  }
  const amountMinor = session.amount_total;
  const currency = session.currency?.toUpperCase() ?? "";
  // Nothing we could store: a retry would not fix it, so it is recorded and acknowledged.
  if (amountMinor === null || !Number.isSafeInteger(amountMinor) || amountMinor <= 0 || !/^[A-Z]{3}$/.test(currency)) {
    return { result: "ignored", error: `session ${session.id} has no usable amount (${String(amountMinor)} ${currency})` };
  }
  const applied = await applySucceededPayment(tx, invoiceId, {
    provider: "stripe",
    providerReference: session.id,
    amountMinor,
    currency,
    paidAt: new Date(event.created * 1000),
    method: "card",
    stripePaymentIntent: idOf(session.payment_intent),
  });
  return { result: applied.outcome, notifications: applied.notifications };
}

async function failSession(tx: Transaction, session: Stripe.Checkout.Session): Promise<Applied> {
  const updated = await tx
    .update(payments)
    .set({ status: "failed", updatedAt: new Date() })
    .where(and(eq(payments.provider, "stripe"), eq(payments.providerReference, session.id), eq(payments.status, "pending")))
    .returning({ id: payments.id });
  return updated.length > 0 ? { result: "failed" } : { result: "ignored", error: `no pending payment for session ${session.id}` };
}

/**
 * A refund made at Stripe, whether an admin asked for it here (lib/invoices/refund-payment.ts or
 * resolve-dispute.ts, pending until now) or in Stripe's dashboard: applyConfirmedRefund counts it
 * once however often Stripe reports the same total, on the invoice, or on a disputed payment alone.
 * What the rules cannot count is flagged for staff by the ledger. The charge is tied to our
 * payment through its payment intent (kept on the payment; older payments through the paid
 * session's event in the ledger).
 */
async function refundCharge(tx: Transaction, charge: Stripe.Charge): Promise<Applied> {
  const paymentIntent = idOf(charge.payment_intent);
  if (!paymentIntent) return { result: "ignored", error: "charge without a payment intent" };
  const payment = await paymentOfIntent(tx, paymentIntent);
  if (!payment) return { result: "ignored", error: `no payment for payment intent ${paymentIntent}` };
  if (charge.currency.toUpperCase() !== payment.currency) throw new RefusedByRules(`Stripe reports a refund in ${charge.currency.toUpperCase()} on a payment in ${payment.currency}; nothing was counted`, payment.id);
  const confirmed = await applyConfirmedRefund(tx, payment.id, charge.amount_refunded);
  return { result: confirmed.outcome === "applied" ? confirmed.payment.status : confirmed.outcome, notifications: confirmed.notifications };
}

async function paymentOfIntent(tx: Transaction, paymentIntent: string) {
  const [byColumn] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.provider, "stripe"), eq(payments.stripePaymentIntent, paymentIntent)));
  if (byColumn) return (await tx.select().from(payments).where(eq(payments.id, byColumn.id)))[0];
  const [paidEvent] = await tx
    .select({ sessionId: sql<string>`${webhookEvents.payload} -> 'data' -> 'object' ->> 'id'` })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.provider, "stripe"),
        inArray(webhookEvents.type, PAID_SESSION_EVENTS),
        sql`${webhookEvents.payload} -> 'data' -> 'object' ->> 'payment_intent' = ${paymentIntent}`,
      ),
    )
    .limit(1);
  if (!paidEvent) return undefined;
  return (await tx.select().from(payments).where(and(eq(payments.provider, "stripe"), eq(payments.providerReference, paidEvent.sessionId))))[0];
}

async function apply(tx: Transaction, event: Stripe.Event): Promise<Applied> {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      // Card payments are paid at completion; bank debits and vouchers complete unpaid and settle later.
      if (session.payment_status === "paid") return applyPaidSession(tx, session, event);
      return { result: `left_${session.payment_status}` };
    }
    case "checkout.session.async_payment_succeeded":
      return applyPaidSession(tx, event.data.object, event);
    case "checkout.session.async_payment_failed":
      return failSession(tx, event.data.object);
    case "charge.refunded":
      return refundCharge(tx, event.data.object);
    default:
      return { result: "ignored" };
  }
}

/**
 * Stripe's webhook: the signature is verified on the raw body first (400, nothing written, when it
 * does not match or is too old); the event then goes through the ledger (recordAndApply): applied
 * once, retried by Stripe after a failure of ours, notifications published after the commit.
 */
export async function handleStripeWebhook(db: Database, stripe: Stripe, rawBody: string, signature: string | null, secret: string): Promise<WebhookResponse> {
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header" } };
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return { status: 400, body: { error: "Invalid signature" } };
    // A verified body that is not an event (constructEvent parses after verifying).
    return { status: 400, body: { error: "Invalid payload" } };
  }

  return recordAndApply(db, { provider: "stripe", id: event.id, type: event.type, payload: event }, (tx) => apply(tx, event));
}
