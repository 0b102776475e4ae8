import { and, eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import type { Database, Transaction } from "@/db/client";
import { invoices, payments, webhookEvents } from "@/db/schema";
import { applySucceededPayment } from "@/lib/invoices/apply-payment";
import { applyConfirmedRefund } from "@/lib/invoices/apply-refund";
import { auditInvoice } from "@/lib/invoices/change-invoice";
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

/** A paid session counts toward its invoice (or is stored as disputed when amount, currency or status do not fit). */
async function applyPaidSession(tx: Transaction, session: Stripe.Checkout.Session, event: Stripe.Event): Promise<Applied> {
  const invoiceId = await invoiceOf(tx, session);
  if (!invoiceId) return { result: "ignored", error: "unknown invoice" };
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
 * A refund made at Stripe. Refunds an admin requested in the app (lib/invoices/refund-payment.ts,
 * pending until now) are confirmed and counted on the invoice by applyConfirmedRefund, once however
 * often Stripe reports the same total. A refund made outside the app (the Stripe dashboard) leaves
 * the invoice's amounts and status alone: the payment is marked refunded or partially_refunded and
 * the refund is audited on the invoice for an admin.
 * The charge is tied to our payment through its payment intent, which the paid session's event
 * (kept in the ledger) names.
 */
async function refundCharge(tx: Transaction, charge: Stripe.Charge): Promise<Applied> {
  const paymentIntent = idOf(charge.payment_intent);
  if (!paymentIntent) return { result: "ignored", error: "charge without a payment intent" };
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
  const [payment] = paidEvent
    ? await tx
        .select()
        .from(payments)
        .where(and(eq(payments.provider, "stripe"), eq(payments.providerReference, paidEvent.sessionId)))
        .for("update")
    : [];
  if (!payment) return { result: "ignored", error: `no payment for payment intent ${paymentIntent}` };
  if (payment.status !== "succeeded" && payment.status !== "partially_refunded") {
    return { result: "ignored", error: `payment ${payment.id} is ${payment.status}, not refundable` };
  }
  const confirmed = await applyConfirmedRefund(tx, payment.id, charge.amount_refunded);
  const status = charge.amount_refunded >= payment.amountMinor ? ("refunded" as const) : ("partially_refunded" as const);
  await tx.update(payments).set({ status, updatedAt: new Date() }).where(eq(payments.id, payment.id));
  const [invoice] = await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.id, payment.invoiceId));
  if (invoice) {
    await auditInvoice(tx, null, "payment.refunded", invoice, {
      paymentId: payment.id,
      provider: "stripe",
      reference: payment.providerReference,
      charge: charge.id,
      refundedMinor: charge.amount_refunded,
      currency: charge.currency.toUpperCase(),
      status,
      appliedMinor: confirmed.appliedMinor,
      unmatchedMinor: confirmed.unmatchedMinor,
    });
  }
  return { result: status, notifications: confirmed.notifications };
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
