import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { invoiceLinks } from "@/lib/invoices/policy";
import { paypalClient, paypalWebhookId } from "@/lib/payments/paypal/client";
import { startPaypalOrder } from "@/lib/payments/paypal/create-order";

export const dynamic = "force-dynamic";

/** The invoice id is the segment before /paypal-order. */
const invoiceIdOf = (request: Request) => new URL(request.url).pathname.split("/").at(-2) ?? "";

/** The request's Origin when it names this app's host (as the browser reached it), else null. */
function sameOrigin(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (!origin) return null;
  try {
    const url = new URL(origin);
    const hosts = [headers.get("x-forwarded-host"), headers.get("host")].filter((host): host is string => Boolean(host));
    return (url.protocol === "http:" || url.protocol === "https:") && hosts.includes(url.host) ? url.origin : null;
  } catch {
    return null;
  }
}

/** The student's PayPal button: answers `{ data: { approveUrl } }`, PayPal's approval page to send the browser to. */
export const POST = jsonRoute(async (actor, request) => {
  const paypal = paypalClient();
  if (!paypal || !paypalWebhookId()) return NextResponse.json({ error: "PayPal payments are not available right now." }, { status: 503 });
  // jsonRoute has checked the request is same-origin; the Origin header then names the app as the browser reached it.
  const origin = sameOrigin(request.headers);
  if (!origin) return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
  const body = (await request.json().catch(() => ({}))) as { expectedVersion?: unknown };
  const expectedVersion = body.expectedVersion === undefined || body.expectedVersion === null ? undefined : Number(body.expectedVersion);
  const invoiceId = decodeURIComponent(invoiceIdOf(request));
  const id = encodeURIComponent(invoiceId);
  return startPaypalOrder(getDb(), actor, { invoiceId, expectedVersion }, {
    paypal,
    returnUrl: `${origin}/api/invoices/${id}/paypal-return`,
    cancelUrl: `${origin}${invoiceLinks.student(id)}?checkout=cancelled`,
  });
});
