import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { paypalClient, paypalWebhookId } from "@/lib/payments/paypal/client";
import { handlePaypalWebhook } from "@/lib/payments/paypal/handle-webhook";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

/** PayPal's webhook endpoint: each delivery is verified with PayPal's verify-webhook-signature API before it is applied. */
export async function POST(request: Request) {
  const paypal = paypalClient();
  const webhookId = paypalWebhookId();
  if (!paypal || !webhookId) return NextResponse.json({ error: "PayPal is not configured" }, { status: 503 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return NextResponse.json({ error: "Payload too large" }, { status: 413 });
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody, "utf8") > MAX_BODY_BYTES) return NextResponse.json({ error: "Payload too large" }, { status: 413 });
  const result = await handlePaypalWebhook(getDb(), paypal, rawBody, request.headers, webhookId);
  return NextResponse.json(result.body, { status: result.status });
}
