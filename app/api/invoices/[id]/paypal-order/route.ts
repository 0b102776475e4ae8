import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readPaymentStart } from "@/lib/http/payment-start";
import { invoiceLinks } from "@/lib/invoices/policy";
import { paypalClient, paypalWebhookId } from "@/lib/payments/paypal/client";
import { startPaypalOrder } from "@/lib/payments/paypal/create-order";

export const dynamic = "force-dynamic";

/** The student's PayPal button: answers `{ data: { approveUrl } }`, PayPal's approval page to send the browser to. */
export const POST = jsonRoute(async (actor, request) => {
  const paypal = paypalClient();
  if (!paypal || !paypalWebhookId()) return NextResponse.json({ error: "PayPal payments are not available right now." }, { status: 503 });
  const start = await readPaymentStart(request);
  if (start instanceof Response) return start;
  const id = encodeURIComponent(start.invoiceId);
  return startPaypalOrder(getDb(), actor, { invoiceId: start.invoiceId, expectedVersion: start.expectedVersion }, {
    paypal,
    returnUrl: `${start.origin}/api/invoices/${id}/paypal-return`,
    cancelUrl: `${start.origin}${invoiceLinks.student(id)}?checkout=cancelled`,
  });
});
