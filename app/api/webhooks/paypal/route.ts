import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { readTextBody, refuseBody } from "@/lib/http/read-body";
import { paypalClient, paypalWebhookId } from "@/lib/payments/paypal/client";
import { handlePaypalWebhook } from "@/lib/payments/paypal/handle-webhook";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

/** PayPal's webhook endpoint: each delivery is verified with PayPal's verify-webhook-signature API before it is applied. */
export async function POST(request: Request) {
  const paypal = paypalClient();
  const webhookId = paypalWebhookId();
  if (!paypal || !webhookId) return NextResponse.json({ error: "PayPal is not configured" }, { status: 503 });
  // The signature covers these exact bytes; the text decodes them without replacing any.
  const body = await readTextBody(request, MAX_BODY_BYTES);
  if (!body.ok) return refuseBody(request, body);
  const rawBody = body.text;
  const result = await handlePaypalWebhook(getDb(), paypal, rawBody, request.headers, webhookId);
  return NextResponse.json(result.body, { status: result.status });
}
