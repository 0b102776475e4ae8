import { ApiError, PaymentsController, type Refund as PaypalRefund } from "@paypal/paypal-server-sdk";
import { and, eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { payments, refunds, type InvoiceStatus, type Payment, type RefundStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { addMinor, formatMoney, parseMinor, toDecimalString } from "@/lib/money/money";
import type { Paypal } from "@/lib/payments/paypal/client";
import { applyConfirmedRefund, refundableInvoiceStatuses } from "./apply-refund";
import { auditInvoice, changeInvoice, done, invalidInput, saveInvoice } from "./change-invoice";
import { parseNested, refSchema } from "./schemas";

export const refundSchema = refSchema.extend({
  paymentId: z.uuid({ error: "Choose a payment to refund" }),
  // Parsed in the payment's currency by the service, which knows it.
  amount: z.string({ error: "Enter the amount to refund" }).trim().min(1, "Enter the amount to refund"),
  reason: z
    .string({ error: "Enter the reason for the refund" })
    .trim()
    .min(3, "Enter the reason for the refund")
    .max(1000, "Reason must be at most 1000 characters")
    .refine((value) => !/[<>]/.test(value), "Reason cannot contain < or >"),
});

export type RefundResult = {
  refundId: string;
  /** succeeded: counted on the invoice now (manual); pending: waiting for Stripe's or PayPal's confirmation. */
  status: RefundStatus;
  invoiceStatus: InvoiceStatus;
  version: number;
};

const refundablePaymentStatuses: readonly Payment["status"][] = ["succeeded", "partially_refunded"];
const invalid = (field: string, message: string) => fail("invalid", "Check the highlighted fields", { [field]: [message] });

/** What is left to refund on a payment: its amount less the refunds pending or done. */
export async function refundableMinor(tx: Executor, payment: Pick<Payment, "id" | "amountMinor">): Promise<number> {
  const [row] = await tx
    .select({ taken: sql`coalesce(sum(${refunds.amountMinor}), 0)::bigint`.mapWith(Number) })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, ["pending", "succeeded"])));
  return payment.amountMinor - (row?.taken ?? 0);
}

/**
 * The Stripe payment intent behind a Checkout payment: kept on the payment when it was paid, or
 * else asked of Stripe.
 */
async function paymentIntentOf(stripe: Stripe, payment: Payment): Promise<string | null> {
  if (payment.stripePaymentIntent) return payment.stripePaymentIntent;
  const session = await stripe.checkout.sessions.retrieve(payment.providerReference);
  const intent = session.payment_intent;
  return intent == null ? null : typeof intent === "string" ? intent : intent.id;
}

export type RefundOptions = {
  stripe: Stripe | null;
  /** The app's PayPal client (`paypalClient()`); without it PayPal payments cannot be refunded here. */
  paypal?: Paypal | null;
};

/**
 * An admin refunds (part of) one payment of a paid invoice. At most what is left refundable on the
 * payment (its amount less refunds pending or done). A manual payment's refund was made outside
 * the app and is recorded as done: the invoice moves to partially_refunded or refunded at once.
 * A Stripe payment is refunded at Stripe (idempotently, keyed by our refund's id) and recorded as
 * pending; the invoice changes only when the `charge.refunded` webhook confirms it
 * (applyConfirmedRefund). A PayPal payment likewise: its capture is refunded through the SDK
 * (PayPal-Request-Id `refund_<our refund id>`), recorded as pending until the
 * `PAYMENT.CAPTURE.REFUNDED` webhook confirms it.
 */
export async function refundPayment(db: Database, actor: Actor, input: unknown, options: RefundOptions): Promise<ServiceResult<RefundResult>> {
  requirePermission(actor, "payments:refund");
  const parsed = parseNested(refundSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { paymentId, amount, reason, ...ref } = parsed.data;

  // Found before the transaction: a Stripe payment's intent (or a PayPal payment's capture) is needed.
  const [known] = await db.select().from(payments).where(and(eq(payments.id, paymentId), eq(payments.invoiceId, ref.invoiceId)));
  if (!known) return invalid("paymentId", "Choose a payment of this invoice");
  const target = await refundTarget(known, options, refundablePaymentStatuses.includes(known.status));
  if (!target.ok) return target;

  const recorded = await changeInvoice(db, actor, ref, {
    check: async (invoice, tx) => {
      if (!refundableInvoiceStatuses.includes(invoice.status)) return fail("conflict", "Only a paid invoice can be refunded");
      const [payment] = await tx.select().from(payments).where(and(eq(payments.id, paymentId), eq(payments.invoiceId, invoice.id))).for("update");
      if (!payment) return invalid("paymentId", "Choose a payment of this invoice");
      if (!refundablePaymentStatuses.includes(payment.status)) return fail("conflict", `This payment is ${payment.status.replace("_", " ")} and cannot be refunded`);
      const amountMinor = parseMinor(amount, payment.currency);
      if (amountMinor === null || amountMinor <= 0) return invalid("amount", `Enter an amount such as ${payment.currency === "JPY" ? "1200" : "12.50"}`);
      const left = await refundableMinor(tx, payment);
      if (amountMinor > left) return invalid("amount", left > 0 ? `At most ${formatMoney(left, payment.currency)} of this payment can be refunded` : "This payment has nothing left to refund");
      return ok({ payment, amountMinor });
    },
    apply: async (tx, invoice, { payment, amountMinor }) => {
      const [refund] = await tx
        .insert(refunds)
        .values({ paymentId: payment.id, invoiceId: invoice.id, provider: payment.provider, amountMinor, currency: payment.currency, reason, requestedBy: actor.id })
        .returning();
      if (!refund) throw new Error("refund row was not written");
      if (payment.provider === "manual") {
        // Done outside the app already: confirmed on recording.
        const [row] = await tx
          .select({ done: sql`coalesce(sum(${refunds.amountMinor}), 0)::bigint`.mapWith(Number) })
          .from(refunds)
          .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "succeeded")));
        const applied = await applyConfirmedRefund(tx, payment.id, addMinor(row?.done ?? 0, amountMinor), actor);
        if (applied.outcome !== "applied") throw new Error(`manual refund was ${applied.outcome}`);
        return done({ refundId: refund.id, status: "succeeded" as RefundStatus, invoiceStatus: applied.invoice.status, version: applied.invoice.version }, applied.notifications);
      }
      // A new version, so the same form cannot request the refund twice.
      const saved = await saveInvoice(tx, actor.id, invoice);
      await auditInvoice(tx, actor, "refund.requested", invoice, { refundId: refund.id, paymentId: payment.id, provider: payment.provider, amountMinor, currency: payment.currency, reason });
      return done({ refundId: refund.id, status: "pending" as RefundStatus, invoiceStatus: saved.status, version: saved.version });
    },
  });
  if (!recorded.ok || recorded.data.status !== "pending") return recorded;
  const sent = await sendRefund(db, actor, target.data, recorded.data.refundId);
  return sent.ok ? recorded : sent;
}

/** Where a payment's refund is made: at Stripe (its payment intent), at PayPal (its capture), or outside the app (manual). */
export type RefundTarget = { provider: "stripe"; stripe: Stripe; paymentIntent: string } | { provider: "paypal"; paypal: Paypal; captureId: string } | { provider: "manual" } | { provider: "none" };

/**
 * What a refund of `payment` is sent to, found before its transaction; a provider that is not
 * configured here, or that has nothing to refund, is refused. `lookUp` false: the payment cannot
 * be refunded anyway (its transaction says why), so nothing is asked of the provider.
 */
export async function refundTarget(payment: Payment, options: RefundOptions, lookUp = true): Promise<ServiceResult<RefundTarget>> {
  if (payment.provider === "manual") return ok({ provider: "manual" });
  if (payment.provider === "stripe") {
    if (!options.stripe) return fail("conflict", "Stripe is not configured, so this payment cannot be refunded here");
    if (!lookUp) return ok({ provider: "none" });
    const paymentIntent = await paymentIntentOf(options.stripe, payment);
    return paymentIntent ? ok({ provider: "stripe", stripe: options.stripe, paymentIntent }) : fail("conflict", "Stripe has no charge for this payment to refund");
  }
  if (payment.provider === "paypal") {
    if (!options.paypal) return fail("conflict", "PayPal is not configured, so this payment cannot be refunded here");
    if (!lookUp) return ok({ provider: "none" });
    return payment.paypalCaptureId ? ok({ provider: "paypal", paypal: options.paypal, captureId: payment.paypalCaptureId }) : fail("conflict", "PayPal has no capture for this payment to refund");
  }
  return fail("conflict", `Refunds of ${String(payment.provider)} payments are not supported here`);
}

/** Asks the provider for the refund recorded as pending (after its transaction committed); manual refunds need nothing. */
export async function sendRefund(db: Database, actor: Actor, target: RefundTarget, refundId: string): Promise<ServiceResult<undefined>> {
  if (target.provider === "stripe") return requestStripeRefund(db, actor, target.stripe, target.paymentIntent, refundId);
  if (target.provider === "paypal") return requestPaypalRefund(db, actor, target.paypal, target.captureId, refundId);
  return ok(undefined);
}

/** Marks a pending refund failed (the provider refused it: nothing was refunded), audited on the invoice. */
export async function markRefundFailed(db: Database, actor: Actor, refund: { id: string; invoiceId: string; paymentId: string }, failureReason: string) {
  await db.transaction(async (tx) => {
    await tx.update(refunds).set({ status: "failed", failureReason, updatedAt: new Date() }).where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")));
    await auditInvoice(tx, actor, "refund.failed", { id: refund.invoiceId, number: null }, { refundId: refund.id, paymentId: refund.paymentId, reason: failureReason });
  });
}

/** PayPal's error issues (`REFUND_AMOUNT_EXCEEDED` …), or its message. */
function paypalRefusal(error: ApiError): string {
  const result = (error.result ?? {}) as { message?: unknown; details?: { issue?: unknown; description?: unknown }[] };
  const issues = (Array.isArray(result.details) ? result.details : []).map((detail) => (typeof detail.issue === "string" ? detail.issue : null)).filter((issue): issue is string => Boolean(issue));
  if (issues.length > 0) return issues.join(", ");
  return typeof result.message === "string" && result.message ? result.message : `HTTP ${error.statusCode}`;
}

/**
 * Asks PayPal to refund the capture for the refund recorded as pending, with PayPal-Request-Id
 * `refund_<our refund id>` so a retried request makes one refund. A refusal (4xx) marks it failed.
 */
async function requestPaypalRefund(db: Database, actor: Actor, paypal: Paypal, captureId: string, refundId: string): Promise<ServiceResult<undefined>> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) throw new Error("recorded refund vanished");
  let made: PaypalRefund;
  try {
    made = (
      await new PaymentsController(paypal.client).refundCapturedPayment({
        captureId,
        paypalRequestId: `refund_${refund.id}`,
        prefer: "return=representation",
        body: { amount: { currencyCode: refund.currency, value: toDecimalString(refund.amountMinor, refund.currency) }, customId: refund.id },
      })
    ).result;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 401 && error.statusCode !== 429) {
      const reason = paypalRefusal(error);
      await markRefundFailed(db, actor, refund, reason);
      return fail("conflict", `PayPal refused the refund: ${reason}`);
    }
    // Unknown outcome (timeout, PayPal down): left pending; the webhook confirms it if PayPal made it.
    logger.error("paypal refund request failed", { refundId: refund.id, error: error instanceof Error ? error.message : String(error) });
    return fail("conflict", "PayPal did not answer. The refund is recorded as pending; check PayPal before trying again.");
  }
  if (made.status === "CANCELLED" || made.status === "FAILED") {
    const reason = made.statusDetails?.reason ? `PayPal refund ${made.status.toLowerCase()} (${made.statusDetails.reason})` : `PayPal refund ${made.status.toLowerCase()}`;
    await markRefundFailed(db, actor, refund, reason);
    return fail("conflict", `PayPal could not make the refund (${reason})`);
  }
  if (made.id) await db.update(refunds).set({ providerReference: made.id, updatedAt: new Date() }).where(eq(refunds.id, refund.id));
  return ok(undefined);
}

/** Asks Stripe for the refund recorded as pending; a refusal marks it failed (nothing was refunded). */
async function requestStripeRefund(db: Database, actor: Actor, stripe: Stripe, paymentIntent: string, refundId: string): Promise<ServiceResult<undefined>> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) throw new Error("recorded refund vanished");
  const markFailed = (failureReason: string) => markRefundFailed(db, actor, refund, failureReason);
  let created: Stripe.Refund;
  try {
    created = await stripe.refunds.create(
      { payment_intent: paymentIntent, amount: refund.amountMinor, metadata: { invoice_id: refund.invoiceId, payment_id: refund.paymentId, refund_id: refund.id } },
      { idempotencyKey: `refund_${refund.id}` },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      await markFailed(error.message);
      return fail("conflict", `Stripe refused the refund: ${error.message}`);
    }
    // Unknown outcome (timeout, Stripe down): left pending; the webhook confirms it if Stripe made it.
    logger.error("stripe refund request failed", { refundId: refund.id, error: error instanceof Error ? error.message : String(error) });
    return fail("conflict", "Stripe did not answer. The refund is recorded as pending; check Stripe before trying again.");
  }
  if (created.status === "failed" || created.status === "canceled") {
    await markFailed(created.failure_reason ?? `Stripe refund ${created.status}`);
    return fail("conflict", `Stripe could not make the refund (${created.failure_reason ?? created.status})`);
  }
  await db.update(refunds).set({ providerReference: created.id, updatedAt: new Date() }).where(eq(refunds.id, refund.id));
  return ok(undefined);
}

export type RefundablePayment = Pick<Payment, "id" | "provider" | "providerReference" | "method" | "amountMinor" | "currency" | "status" | "paidAt"> & { refundableMinor: number };
export type RefundRow = { id: string; paymentId: string; provider: Payment["provider"]; amountMinor: number; currency: string; status: RefundStatus; reason: string; failureReason: string | null; createdAt: Date; confirmedAt: Date | null };

/**
 * For the admin's invoice page: the invoice's refunds so far, and, while the invoice is paid or
 * partially refunded, its payments that still have something left to refund.
 */
export async function listRefunds(db: Executor, actor: Actor, invoice: { id: string; status: InvoiceStatus }): Promise<{ refundable: RefundablePayment[]; refunds: RefundRow[] }> {
  requirePermission(actor, "payments:refund");
  const rows = await db
    .select({ id: refunds.id, paymentId: refunds.paymentId, provider: refunds.provider, amountMinor: refunds.amountMinor, currency: refunds.currency, status: refunds.status, reason: refunds.reason, failureReason: refunds.failureReason, createdAt: refunds.createdAt, confirmedAt: refunds.confirmedAt })
    .from(refunds)
    .where(eq(refunds.invoiceId, invoice.id))
    .orderBy(refunds.createdAt, refunds.id);
  if (!refundableInvoiceStatuses.includes(invoice.status)) return { refundable: [], refunds: rows };
  const candidates = await db.select().from(payments).where(and(eq(payments.invoiceId, invoice.id), inArray(payments.status, [...refundablePaymentStatuses])));
  const taken = new Map<string, number>();
  for (const row of rows) if (row.status !== "failed") taken.set(row.paymentId, addMinor(taken.get(row.paymentId) ?? 0, row.amountMinor));
  const refundable = candidates
    .map((payment) => ({
      id: payment.id,
      provider: payment.provider,
      providerReference: payment.providerReference,
      method: payment.method,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      status: payment.status,
      paidAt: payment.paidAt,
      refundableMinor: payment.amountMinor - (taken.get(payment.id) ?? 0),
    }))
    .filter((payment) => payment.refundableMinor > 0 && (payment.provider === "manual" || payment.provider === "stripe" || payment.provider === "paypal"));
  return { refundable, refunds: rows };
}
