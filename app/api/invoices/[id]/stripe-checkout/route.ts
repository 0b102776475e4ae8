import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readPaymentStart } from "@/lib/http/payment-start";
import { invoiceLinks } from "@/lib/invoices/policy";
import { stripeClient } from "@/lib/payments/stripe/client";
import { startStripeCheckout } from "@/lib/payments/stripe/create-checkout";

export const dynamic = "force-dynamic";

/** The student's Pay button: answers `{ data: { url } }`, the Stripe Checkout page to send the browser to. */
export const POST = jsonRoute(async (actor, request) => {
  const stripe = stripeClient();
  if (!stripe) return NextResponse.json({ error: "Card payments are not available right now." }, { status: 503 });
  const start = await readPaymentStart(request);
  if (start instanceof Response) return start;
  const page = `${start.origin}${invoiceLinks.student(encodeURIComponent(start.invoiceId))}`;
  return startStripeCheckout(getDb(), actor, { invoiceId: start.invoiceId, expectedVersion: start.expectedVersion }, { stripe, successUrl: `${page}?checkout=success`, cancelUrl: `${page}?checkout=cancelled` });
});
