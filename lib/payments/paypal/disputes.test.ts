import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { notifications, payments, refunds, webhookEvents } from "@/db/schema";
import { resolveDispute } from "@/lib/invoices/resolve-dispute";
import { createTeam, must, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
import { startPaypalStandIn, type PaypalStandIn } from "@/test/standins/paypal-server";
import { capturePaypalOrder } from "./capture-order";
import { createPaypal } from "./client";
import { startPaypalOrder } from "./create-order";
import { handlePaypalWebhook } from "./handle-webhook";

// PayPal captures that are not the balance, settled by an admin or refunded at PayPal, and PayPal
// events the invoice rules cannot apply: the real SDK against our stand-in, signed deliveries.
let standIn: PaypalStandIn;
beforeAll(async () => {
  standIn = await startPaypalStandIn();
});
afterAll(() => standIn.close());

const paypal = () => createPaypal({ clientId: standIn.clientId, clientSecret: standIn.clientSecret, apiBase: standIn.url });
const options = () => ({ stripe: null, paypal: paypal() });

/** A PayPal capture of `value` dollars on a fresh invoice whose order asked for the balance: disputed unless it is the balance. */
async function captured(db: Database, team: Team, value: string) {
  const { id: invoiceId } = await invoiceIn(db, team, "approved");
  const { approveUrl } = must(await startPaypalOrder(db, team.student, { invoiceId }, { paypal: paypal(), returnUrl: "http://app.test/return", cancelUrl: "http://app.test/cancel" }));
  const orderId = new URL(approveUrl).searchParams.get("token") ?? "";
  standIn.approve(orderId);
  standIn.overrideCapture(orderId, { amount: { currency_code: "USD", value } });
  const outcome = must(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() }));
  const [payment] = await db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.provider, "paypal")));
  if (!payment) throw new Error("no payment");
  return { invoiceId, orderId, payment, outcome, captureId: payment.paypalCaptureId ?? "" };
}

/** A signed PAYMENT.CAPTURE.REFUNDED delivery naming the capture by its "up" link, as PayPal does. */
const refunded = (captureId: string, value: string, total: string) =>
  standIn.delivery("PAYMENT.CAPTURE.REFUNDED", {
    id: `R${randomUUID().slice(0, 8).toUpperCase()}`,
    status: "COMPLETED",
    amount: { currency_code: "USD", value },
    seller_payable_breakdown: { total_refunded_amount: { currency_code: "USD", value: total } },
    links: [{ rel: "up", href: `${standIn.url}/v2/payments/captures/${captureId}`, method: "GET" }],
  });
const deliver = (db: Database, delivery: ReturnType<typeof refunded>) => handlePaypalWebhook(db, paypal(), delivery.body, new Headers(delivery.headers), standIn.webhookId);
const paymentRow = async (db: Database, id: string) => (await db.select().from(payments).where(eq(payments.id, id)))[0];

describe("a PayPal capture that is not the balance", () => {
  it("is disputed by the same rule as a card payment, and refunded through PayPal's API when an admin says so", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment, outcome, captureId } = await captured(db, team, "50.00");
    expect(outcome).toEqual({ outcome: "disputed", paymentStatus: "disputed" });
    expect(payment).toMatchObject({ amountMinor: 5000, disputeReason: "Paid $50.00, the balance asked for was $115.50", paypalCaptureId: expect.any(String) });

    const made = standIn.refunds.size;
    const input = { ...(await invoiceRef(db, invoiceId)), paymentId: payment.id, resolution: "refund", reason: "Paid the wrong amount" };
    const answers = await Promise.all([1, 2].map(() => resolveDispute(db, team.admin, input, options())));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(standIn.refunds.size - made).toBe(1);
    const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(refund).toMatchObject({ status: "pending", provider: "paypal", amountMinor: 5000, providerReference: expect.any(String) });
    expect([...standIn.refunds.values()].find((row) => row.id === refund?.providerReference)).toMatchObject({ captureId, requestId: `refund_${refund?.id}` });

    expect(await deliver(db, refunded(captureId, "50.00", "50.00"))).toMatchObject({ status: 200, body: { result: "refunded" } });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "refunded" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "succeeded" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0, refundedMinor: 0 });
  });

  it("counts a refund of a disputed capture made in PayPal's dashboard", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment, captureId } = await captured(db, team, "200.00");
    expect(await deliver(db, refunded(captureId, "200.00", "200.00"))).toMatchObject({ status: 200, body: { result: "refunded" } });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "refunded" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "succeeded", amountMinor: 20_000 }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0 });
  });

  it("a refund on the invoice once accepted as a part payment is recorded and flagged for admins, answered 200", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment, captureId } = await captured(db, team, "50.00");
    must(await resolveDispute(db, team.admin, { ...(await invoiceRef(db, invoiceId)), paymentId: payment.id, resolution: "accept", reason: "Part payment agreed" }, options()));
    const before = await invoiceRow(db, invoiceId);
    expect(before).toMatchObject({ status: "partially_paid", paidMinor: 5000 });

    const delivery = refunded(captureId, "20.00", "20.00");
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "flagged" } });
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await db.select().from(webhookEvents).where(and(eq(webhookEvents.provider, "paypal"), eq(webhookEvents.eventId, String(delivery.event.id))))).toMatchObject([
      { processedAt: expect.any(Date), error: expect.stringContaining("Partially paid") },
    ]);
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded", reviewReason: expect.stringContaining("$20.00 was refunded at PayPal") });
    expect(await invoiceRow(db, invoiceId)).toEqual(before);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.admin.id), eq(notifications.type, "payment.review_requested")))).toHaveLength(1);
  });
});
