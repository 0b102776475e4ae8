import { CustomError, type Order } from "@paypal/paypal-server-sdk";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invoices, payments, type PaymentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { publishNotifications } from "@/lib/notifications/publish";
import { publishDashboardChange } from "@/lib/dashboards/publish";
import type { Paypal } from "./client";
import { settleCapture, type CaptureFacts } from "./settle";

export type CaptureOrderInput = { invoiceId: string; orderId: string };
export type CaptureOrderOptions = { paypal: Paypal };
export type CaptureOutcome = {
  /** What this call did: applied | duplicate | disputed | failed | left_pending | already_<status>. */
  outcome: string;
  /** Our payment's status afterwards. */
  paymentStatus: PaymentStatus;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const orderIdPattern = /^[A-Z0-9-]{1,64}$/i;

/** Derived from the order: a repeated capture sends the same PayPal-Request-Id and gets PayPal's first answer. */
export const captureRequestId = (orderId: string) => `capture-${orderId}`;

const issuesOf = (error: CustomError) => (error.result?.details ?? []).map((detail) => detail.issue);

/** The first capture of the order's first purchase unit. */
export function captureOf(order: Order): CaptureFacts | null {
  const capture = order.purchaseUnits?.[0]?.payments?.captures?.[0];
  if (!capture?.id) return null;
  const at = capture.createTime ? new Date(capture.createTime) : undefined;
  return {
    captureId: capture.id,
    status: capture.status ?? "",
    currency: capture.amount?.currencyCode,
    value: capture.amount?.value,
    at: at && !Number.isNaN(at.getTime()) ? at : undefined,
  };
}

/**
 * Captures an order the payer approved at PayPal (PayPal sends the browser back with the order id),
 * on the server, and settles our pending payment in one transaction: the captured amount and
 * currency must be what the order asked for (otherwise the payment is stored as disputed). Only the
 * invoice's own student can, and only an order we started for that invoice. Calling it again is
 * harmless: a settled payment is answered as it is, and the capture is sent with the same
 * PayPal-Request-Id (an order captured already is read back instead).
 */
export async function capturePaypalOrder(db: Database, actor: Actor, input: CaptureOrderInput, options: CaptureOrderOptions): Promise<ServiceResult<CaptureOutcome>> {
  const notFound = () => fail("not_found", "Payment not found");
  if (!uuid.test(input.invoiceId) || !orderIdPattern.test(input.orderId)) return notFound();
  if (!can(actor, "invoices:pay-own")) return notFound();
  const [row] = await db
    .select({ status: payments.status })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.provider, "paypal"), eq(payments.providerReference, input.orderId), eq(invoices.id, input.invoiceId), eq(invoices.studentId, actor.id)));
  if (!row) return notFound();
  if (row.status !== "pending") return ok({ outcome: `already_${row.status}`, paymentStatus: row.status });

  let order: Order;
  try {
    order = (await options.paypal.orders.captureOrder({ id: input.orderId, paypalRequestId: captureRequestId(input.orderId), prefer: "return=representation" })).result;
  } catch (error) {
    if (!(error instanceof CustomError) || error.statusCode !== 422) throw error;
    const issues = issuesOf(error);
    if (issues.includes("ORDER_ALREADY_CAPTURED")) order = (await options.paypal.orders.getOrder({ id: input.orderId })).result;
    else if (issues.includes("ORDER_NOT_APPROVED")) return fail("conflict", "The payment was not approved at PayPal");
    else return fail("conflict", `PayPal refused the payment (${issues.join(", ") || "unprocessable"})`);
  }
  const capture = captureOf(order);
  if (!capture) throw new Error(`PayPal answered the capture of order ${input.orderId} without a capture`);

  const settled = await db.transaction((tx) => settleCapture(tx, input.orderId, input.invoiceId, capture));
  await publishNotifications(settled.notifications);
  await publishDashboardChange("payments");
  const [after] = await db.select({ status: payments.status }).from(payments).where(and(eq(payments.provider, "paypal"), eq(payments.providerReference, input.orderId)));
  return ok({ outcome: settled.result, paymentStatus: after?.status ?? row.status });
}
