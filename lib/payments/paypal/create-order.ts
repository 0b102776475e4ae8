import { randomUUID } from "node:crypto";
import { CheckoutPaymentIntent, PaypalExperienceUserAction, PaypalWalletContextShippingPreference } from "@paypal/paypal-server-sdk";
import { and, desc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invoices, payments, type Invoice, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { invoiceName } from "@/lib/invoices/change-invoice";
import { isPayable, staleMessage } from "@/lib/invoices/state";
import { toDecimalString } from "@/lib/money/money";
import type { Paypal } from "./client";

export type StartOrderInput = { invoiceId: string; expectedVersion?: number };
export type StartOrderOptions = { paypal: Paypal; returnUrl: string; cancelUrl: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PayPal keeps a PayPal-Request-Id for Orders for a limited time (hours, not days), and an order
// left unapproved expires: an attempt older than this is not reused.
const REUSE_ATTEMPT_MS = 3 * 3_600_000;

/**
 * The pending row keeps the attempt in `note` (as for Stripe) while the payment is pending; the
 * capture overwrites it with the capture id.
 */
const attemptNote = (attempt: string, version: number) => `paypal-order attempt=${attempt} version=${version}`;
const attemptPattern = /^paypal-order attempt=([0-9a-f-]{36}) version=(\d+)$/;

export function parseOrderAttempt(note: string | null): { attempt: string; version: number } | null {
  const match = note ? attemptPattern.exec(note) : null;
  return match?.[1] && match[2] ? { attempt: match[1], version: Number(match[2]) } : null;
}

/** Derived from the invoice, its version and the attempt: the same click retried sends the same PayPal-Request-Id. */
export const orderRequestId = (invoiceId: string, version: number, attempt: string) => `order-${invoiceId}-v${version}-${attempt}`;

const notFound = () => fail("not_found", "Invoice not found");

function reusable(invoice: Invoice, balanceMinor: number, pending: readonly Payment[]): string | null {
  for (const row of pending) {
    const parsed = parseOrderAttempt(row.note);
    if (parsed && parsed.version === invoice.version && row.amountMinor === balanceMinor && row.currency === invoice.currency) return parsed.attempt;
  }
  return null;
}

/**
 * The invoice's own student starts paying the balance with PayPal: an Orders v2 order (intent
 * CAPTURE) for the balance in the invoice currency, with our invoice id as custom_id and
 * invoice_id, and a `pending` payment whose provider reference is the order id. The browser is
 * sent to `approveUrl`; PayPal sends it back to `returnUrl`, where the order is captured.
 *
 * The call is made under the invoice's row lock, so two clicks at once queue up; a click repeated
 * while the invoice is unchanged reuses the pending attempt, whose PayPal-Request-Id makes PayPal
 * answer with the same order.
 */
export async function startPaypalOrder(db: Database, actor: Actor, input: StartOrderInput, options: StartOrderOptions): Promise<ServiceResult<{ approveUrl: string }>> {
  if (!uuid.test(input.invoiceId)) return notFound();
  if (input.expectedVersion !== undefined && (!Number.isSafeInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    return fail("invalid", "Reload the page and try again", { expectedVersion: ["Reload the page and try again"] });
  }
  if (!can(actor, "invoices:pay-own")) {
    return can(actor, "invoices:view-all") ? fail("forbidden", "Only the student can pay this invoice") : notFound();
  }
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, input.invoiceId), eq(invoices.studentId, actor.id)))
      .for("update");
    if (!invoice || invoice.status === "draft" || invoice.status === "pending_approval") return notFound();
    const balanceMinor = invoice.totalMinor - invoice.paidMinor;
    if (!isPayable(invoice.status) || balanceMinor <= 0) {
      return fail("conflict", invoice.status === "void" ? "This invoice is void" : "This invoice is not open for payment");
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== invoice.version) return fail("conflict", staleMessage(invoice.status));

    const pending = await tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.invoiceId, invoice.id),
          eq(payments.provider, "paypal"),
          eq(payments.status, "pending"),
          gt(payments.createdAt, new Date(Date.now() - REUSE_ATTEMPT_MS)),
        ),
      )
      .orderBy(desc(payments.createdAt));
    const attempt = reusable(invoice, balanceMinor, pending) ?? randomUUID();
    const { result: order } = await options.paypal.orders.createOrder({
      paypalRequestId: orderRequestId(invoice.id, invoice.version, attempt),
      prefer: "return=representation",
      body: {
        intent: CheckoutPaymentIntent.Capture,
        purchaseUnits: [
          {
            referenceId: invoice.id,
            customId: invoice.id,
            invoiceId: invoice.id,
            description: `Invoice ${invoiceName(invoice)}`,
            amount: { currencyCode: invoice.currency, value: toDecimalString(balanceMinor, invoice.currency) },
          },
        ],
        paymentSource: {
          paypal: {
            experienceContext: {
              returnUrl: options.returnUrl,
              cancelUrl: options.cancelUrl,
              userAction: PaypalExperienceUserAction.PayNow,
              shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
            },
          },
        },
      },
    });
    const approveUrl = order.links?.find((link) => link.rel === "payer-action" || link.rel === "approve")?.href;
    if (!order.id || !approveUrl) throw new Error(`PayPal returned order ${String(order.id)} without an approval link`);
    if (!pending.some((row) => row.providerReference === order.id)) {
      await tx.insert(payments).values({
        invoiceId: invoice.id,
        provider: "paypal",
        providerReference: order.id,
        amountMinor: balanceMinor,
        currency: invoice.currency,
        status: "pending",
        note: attemptNote(attempt, invoice.version),
      });
    }
    return ok({ approveUrl });
  });
}
