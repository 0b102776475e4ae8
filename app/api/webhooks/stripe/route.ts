import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { stripeClient, stripeWebhookSecret } from "@/lib/payments/stripe/client";
import { handleStripeWebhook } from "@/lib/payments/stripe/handle-webhook";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

/** Stripe's webhook endpoint: the raw body is verified against Stripe-Signature before anything is read from it. */
export async function POST(request: Request) {
  const stripe = stripeClient();
  const secret = stripeWebhookSecret();
  if (!stripe || !secret) return NextResponse.json({ error: "Stripe is not configured" }, { status: 503 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return NextResponse.json({ error: "Payload too large" }, { status: 413 });
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody, "utf8") > MAX_BODY_BYTES) return NextResponse.json({ error: "Payload too large" }, { status: 413 });
  const result = await handleStripeWebhook(getDb(), stripe, rawBody, request.headers.get("stripe-signature"), secret);
  return NextResponse.json(result.body, { status: result.status });
}
