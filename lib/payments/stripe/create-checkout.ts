import type Stripe from "stripe";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ok, type ServiceResult } from "@/lib/errors";
import { invoiceName } from "@/lib/invoices/change-invoice";
import { withPaymentAttempt, type StartPaymentInput } from "../payment-attempt";

export type StartCheckoutInput = StartPaymentInput;
export type StartCheckoutOptions = { stripe: Stripe; successUrl: string; cancelUrl: string };

// Stripe keeps an idempotency key for 24 hours and a Checkout Session open as long: an attempt
// older than this is not reused.
const REUSE_ATTEMPT_MS = 23 * 3_600_000;

/** Derived from the invoice, its version and the attempt: the same click retried sends the same key. */
export const checkoutIdempotencyKey = (invoiceId: string, version: number, attempt: string) => `checkout:${invoiceId}:v${version}:${attempt}`;

const spec = { provider: "stripe", reuseMs: REUSE_ATTEMPT_MS } as const;

/**
 * The invoice's own student starts paying the balance by card: a Stripe Checkout Session for the
 * balance in the invoice currency, and a `pending` payment whose provider reference is the
 * session id. Nothing is marked paid here; only the verified webhook does that. A click repeated
 * while the invoice is unchanged reuses the attempt, whose idempotency key makes Stripe answer
 * with the same session.
 */
export async function startStripeCheckout(db: Database, actor: Actor, input: StartCheckoutInput, options: StartCheckoutOptions): Promise<ServiceResult<{ url: string }>> {
  return withPaymentAttempt(db, actor, input, spec, async ({ invoice, balanceMinor, attempt, recordPending }) => {
    const currency = invoice.currency.toLowerCase();
    const session = await options.stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency, unit_amount: balanceMinor, product_data: { name: `Invoice ${invoiceName(invoice)}` } } }],
        client_reference_id: invoice.id,
        metadata: { invoice_id: invoice.id, attempt },
        payment_intent_data: { metadata: { invoice_id: invoice.id } },
        success_url: options.successUrl,
        cancel_url: options.cancelUrl,
      },
      { idempotencyKey: checkoutIdempotencyKey(invoice.id, invoice.version, attempt) },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
    await recordPending(session.id);
    return ok({ url: session.url });
  });
}
