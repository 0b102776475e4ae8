import { CheckoutPaymentIntent, PaypalExperienceUserAction, PaypalWalletContextShippingPreference } from "@paypal/paypal-server-sdk";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ok, type ServiceResult } from "@/lib/errors";
import { invoiceName } from "@/lib/invoices/change-invoice";
import { toDecimalString } from "@/lib/money/money";
import { withPaymentAttempt, type StartPaymentInput } from "../payment-attempt";
import type { Paypal } from "./client";

export type StartOrderInput = StartPaymentInput;
export type StartOrderOptions = { paypal: Paypal; returnUrl: string; cancelUrl: string };

// PayPal keeps a PayPal-Request-Id for Orders for a limited time (hours, not days), and an order
// left unapproved expires: an attempt older than this is not reused.
const REUSE_ATTEMPT_MS = 3 * 3_600_000;

/** Derived from the invoice, its version and the attempt: the same click retried sends the same PayPal-Request-Id. */
export const orderRequestId = (invoiceId: string, version: number, attempt: string) => `order-${invoiceId}-v${version}-${attempt}`;

const spec = { provider: "paypal", reuseMs: REUSE_ATTEMPT_MS } as const;

/**
 * The invoice's own student starts paying the balance with PayPal: an Orders v2 order (intent
 * CAPTURE) for the balance in the invoice currency, with our invoice id as custom_id and
 * invoice_id, and a `pending` payment whose provider reference is the order id. The browser is
 * sent to `approveUrl`; PayPal sends it back to `returnUrl`, where the order is captured. A click
 * repeated while the invoice is unchanged reuses the attempt, whose PayPal-Request-Id makes PayPal
 * answer with the same order.
 */
export async function startPaypalOrder(db: Database, actor: Actor, input: StartOrderInput, options: StartOrderOptions): Promise<ServiceResult<{ approveUrl: string }>> {
  return withPaymentAttempt(db, actor, input, spec, async ({ invoice, balanceMinor, attempt, recordPending }) => {
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
    await recordPending(order.id);
    return ok({ approveUrl });
  });
}
