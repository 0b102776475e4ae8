import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { readTextBody, refuseBody } from "@/lib/http/read-body";
import { stripeClient, stripeWebhookSecret } from "@/lib/payments/stripe/client";
import { handleStripeWebhook } from "@/lib/payments/stripe/handle-webhook";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

/** Stripe's webhook endpoint: the raw body is verified against Stripe-Signature before anything is read from it. */
export async function POST(request: Request) {
  const stripe = stripeClient();
  const secret = stripeWebhookSecret();
  if (!stripe || !secret) return NextResponse.json({ error: "Stripe is not configured" }, { status: 503 });
  // The signature covers these exact bytes; the text decodes them without replacing any.
  const body = await readTextBody(request, MAX_BODY_BYTES);
  if (!body.ok) return refuseBody(request, body);
  const rawBody = body.text;
  const result = await handleStripeWebhook(getDb(), stripe, rawBody, request.headers.get("stripe-signature"), secret);
  return NextResponse.json(result.body, { status: result.status });
}
