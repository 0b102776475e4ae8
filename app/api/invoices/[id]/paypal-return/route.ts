import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { pathSegment } from "@/lib/http/path-segment";
import { invoiceLinks } from "@/lib/invoices/policy";
import { logger } from "@/lib/log/logger";
import { capturePaypalOrder } from "@/lib/payments/paypal/capture-order";
import { paypalClient } from "@/lib/payments/paypal/client";

export const dynamic = "force-dynamic";

/** A relative redirect: the browser resolves it against the host it reached the app by. */
const redirect = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

/**
 * PayPal sends the payer's browser back here after approval, with `?token=<order id>`: the order is
 * captured on the server (only the invoice's own student's order, once), then the browser goes to
 * the invoice with `?checkout=success` (captured, or pending at PayPal), `?checkout=review` (captured
 * but held for an admin: not the balance) or `?checkout=failed`.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const invoiceId = pathSegment(request.url, 1);
  const page = invoiceLinks.student(encodeURIComponent(invoiceId));
  const orderId = url.searchParams.get("token") ?? "";
  const paypal = paypalClient();
  const actor = await currentActor().catch(() => null);
  if (!paypal || !actor || actor.mustChangePassword || !orderId) return redirect(`${page}?checkout=failed`);
  try {
    const result = await capturePaypalOrder(getDb(), actor, { invoiceId, orderId }, { paypal });
    const good = result.ok && (result.data.paymentStatus === "succeeded" || result.data.paymentStatus === "pending");
    if (!result.ok) logger.warn("paypal capture refused", { invoiceId, orderId, code: result.code, message: result.message });
    // Captured, but not the balance: the money was taken, so never "failed" (the student would pay again).
    const held = result.ok && result.data.paymentStatus === "disputed";
    return redirect(`${page}?checkout=${good ? "success" : held ? "review" : "failed"}`);
  } catch (error) {
    logger.error("paypal capture failed", { invoiceId, orderId, error: error instanceof Error ? error.stack : String(error) });
    return redirect(`${page}?checkout=failed`);
  }
}
