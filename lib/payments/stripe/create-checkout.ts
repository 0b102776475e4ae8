import { randomUUID } from "node:crypto";
import { and, desc, eq, gt } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { invoices, payments, type Invoice, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { invoiceName } from "@/lib/invoices/change-invoice";
import { isPayable, staleMessage } from "@/lib/invoices/state";

export type StartCheckoutInput = { invoiceId: string; expectedVersion?: number };
export type StartCheckoutOptions = { stripe: Stripe; successUrl: string; cancelUrl: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Stripe keeps an idempotency key for 24 hours and a Checkout Session open as long: an attempt
// older than this is not reused.
const REUSE_ATTEMPT_MS = 23 * 3_600_000;

/**
 * The pending row keeps the attempt (there is no dedicated column; `note` holds it while the
 * payment is pending, and is overwritten when the webhook settles it).
 */
const attemptNote = (attempt: string, version: number) => `stripe-checkout attempt=${attempt} version=${version}`;
const attemptPattern = /^stripe-checkout attempt=([0-9a-f-]{36}) version=(\d+)$/;

export function parseAttemptNote(note: string | null): { attempt: string; version: number } | null {
  const match = note ? attemptPattern.exec(note) : null;
  return match?.[1] && match[2] ? { attempt: match[1], version: Number(match[2]) } : null;
}

/** Derived from the invoice, its version and the attempt: the same click retried sends the same key. */
export const checkoutIdempotencyKey = (invoiceId: string, version: number, attempt: string) => `checkout:${invoiceId}:v${version}:${attempt}`;

const notFound = () => fail("not_found", "Invoice not found");

/** A pending attempt for exactly this invoice state (version, balance, currency), recent enough to reuse. */
function reusable(invoice: Invoice, balanceMinor: number, pending: readonly Payment[]): string | null {
  for (const row of pending) {
    const parsed = parseAttemptNote(row.note);
    if (parsed && parsed.version === invoice.version && row.amountMinor === balanceMinor && row.currency === invoice.currency) return parsed.attempt;
  }
  return null;
}

/**
 * The invoice's own student starts paying the balance by card: a Stripe Checkout Session for the
 * balance in the invoice currency, and a `pending` payment whose provider reference is the
 * session id. Nothing is marked paid here; only the verified webhook does that.
 *
 * The call to Stripe is made under the invoice's row lock, so two clicks at once queue up; a click
 * repeated while the invoice is unchanged reuses the pending attempt, whose idempotency key makes
 * Stripe answer with the same session.
 */
export async function startStripeCheckout(db: Database, actor: Actor, input: StartCheckoutInput, options: StartCheckoutOptions): Promise<ServiceResult<{ url: string }>> {
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
          eq(payments.provider, "stripe"),
          eq(payments.status, "pending"),
          gt(payments.createdAt, new Date(Date.now() - REUSE_ATTEMPT_MS)),
        ),
      )
      .orderBy(desc(payments.createdAt));
    const attempt = reusable(invoice, balanceMinor, pending) ?? randomUUID();
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
    if (!pending.some((row) => row.providerReference === session.id)) {
      await tx.insert(payments).values({
        invoiceId: invoice.id,
        provider: "stripe",
        providerReference: session.id,
        amountMinor: balanceMinor,
        currency: invoice.currency,
        status: "pending",
        note: attemptNote(attempt, invoice.version),
      });
    }
    return ok({ url: session.url });
  });
}
