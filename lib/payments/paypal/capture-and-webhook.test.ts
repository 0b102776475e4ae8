import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { notifications, payments, webhookEvents } from "@/db/schema";
import { createTeam, must, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { DEFAULT_TOTAL_MINOR, invoiceIn, invoiceRow } from "@/test/invoice-fixtures";
import { startPaypalStandIn, type PaypalDelivery, type PaypalStandIn } from "@/test/standins/paypal-server";
import { capturePaypalOrder } from "./capture-order";
import { createPaypal } from "./client";
import { startPaypalOrder } from "./create-order";
import { handlePaypalWebhook } from "./handle-webhook";

// The real @paypal/paypal-server-sdk (orders, capture, OAuth) and PayPal's verify-webhook-signature
// API, all against our stand-in.
let standIn: PaypalStandIn;
beforeAll(async () => {
  standIn = await startPaypalStandIn();
});
afterAll(() => standIn.close());

const paypal = () => createPaypal({ clientId: standIn.clientId, clientSecret: standIn.clientSecret, apiBase: standIn.url });
const deliver = (db: Database, delivery: Pick<PaypalDelivery, "body" | "headers">, webhookId = standIn.webhookId) =>
  handlePaypalWebhook(db, paypal(), delivery.body, new Headers(delivery.headers), webhookId);

/** An approved invoice of the team's student with a PayPal order started (and approved by the payer unless told). */
async function orderFor(db: Database, team: Team, approve = true) {
  const { id } = await invoiceIn(db, team, "approved");
  const { approveUrl } = must(await startPaypalOrder(db, team.student, { invoiceId: id }, { paypal: paypal(), returnUrl: "http://app.test/return", cancelUrl: "http://app.test/cancel" }));
  const orderId = new URL(approveUrl).searchParams.get("token") ?? "";
  if (approve) standIn.approve(orderId);
  return { invoiceId: id, orderId };
}

const paypalPayments = (db: Database, invoiceId: string) => db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.provider, "paypal")));
const ledger = (db: Database, eventId: unknown) => db.select().from(webhookEvents).where(and(eq(webhookEvents.provider, "paypal"), eq(webhookEvents.eventId, String(eventId))));

describe("capturing a PayPal order on return", () => {
  it("captures the approved order on the server and marks the invoice paid; a second capture applies nothing again", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const before = standIn.captured();
    expect(must(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() }))).toEqual({ outcome: "applied", paymentStatus: "succeeded" });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
    const again = await Promise.all([1, 2, 3].map(() => capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() })));
    expect(again.map((r) => must(r).paymentStatus)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(standIn.captured() - before).toBe(1);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
    const rows = await paypalPayments(db, invoiceId);
    expect(rows).toMatchObject([{ providerReference: orderId, status: "succeeded", amountMinor: DEFAULT_TOTAL_MINOR, currency: "USD", method: "paypal" }]);
    expect(rows[0]).toMatchObject({ paypalCaptureId: standIn.orders.get(orderId)?.capture?.id, note: null });
  });

  it("applies once when two captures race (same PayPal-Request-Id, payment locked)", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const results = await Promise.all([1, 2].map(() => capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() })));
    expect(results.map((r) => must(r).outcome).sort()).toEqual(["applied", "duplicate"]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
  });

  it("stores a capture for another amount than the order asked as disputed and leaves the invoice alone", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const invoice = await invoiceRow(db, invoiceId);
    standIn.overrideCapture(orderId, { amount: { currency_code: "USD", value: "10.00" } });
    expect(must(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() }))).toEqual({ outcome: "disputed", paymentStatus: "disputed" });
    expect(await invoiceRow(db, invoiceId)).toEqual(invoice);
    const [row] = await paypalPayments(db, invoiceId);
    expect(row).toMatchObject({ status: "disputed", amountMinor: 1000, currency: "USD" });
    expect(row?.disputeReason).toBe("Paid $10.00, the balance asked for was $115.50");
  });

  it("refuses an order not approved at PayPal, another student's order, and an order of another invoice", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team, false);
    expect(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() })).toMatchObject({ ok: false, code: "conflict" });
    expect(await paypalPayments(db, invoiceId)).toMatchObject([{ status: "pending" }]);
    standIn.approve(orderId);
    const other = await createStudent(db, "Olga Other");
    expect(await capturePaypalOrder(db, other, { invoiceId, orderId }, { paypal: paypal() })).toMatchObject({ ok: false, code: "not_found" });
    const second = await invoiceIn(db, team, "approved");
    expect(await capturePaypalOrder(db, team.student, { invoiceId: second.id, orderId }, { paypal: paypal() })).toMatchObject({ ok: false, code: "not_found" });
    expect(standIn.orders.get(orderId)?.status).toBe("APPROVED");
  });
});

describe("the PayPal webhook", () => {
  it("refuses a forged delivery (verification FAILURE) with 400 and writes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const genuine = standIn.captureEvent("PAYMENT.CAPTURE.COMPLETED", orderId);
    const forgedHeaders = { ...genuine.headers, "paypal-transmission-id": randomUUID() };
    expect(await deliver(db, { body: genuine.body, headers: forgedHeaders })).toMatchObject({ status: 400 });
    const tampered = genuine.body.replace(invoiceId, randomUUID());
    expect(await deliver(db, { body: tampered, headers: genuine.headers })).toMatchObject({ status: 400 });
    expect(await deliver(db, genuine, "WH-OTHER")).toMatchObject({ status: 400 });
    const { "paypal-transmission-sig": _sig, ...unsigned } = genuine.headers;
    expect(await deliver(db, { body: genuine.body, headers: unsigned })).toMatchObject({ status: 400 });
    expect(await ledger(db, genuine.event.id)).toHaveLength(0);
    expect(await paypalPayments(db, invoiceId)).toMatchObject([{ status: "pending" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0 });
  });

  it("applies PAYMENT.CAPTURE.COMPLETED once even when delivered 10 times at once", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const delivery = standIn.captureEvent("PAYMENT.CAPTURE.COMPLETED", orderId);
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(db, delivery)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.result === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.body.duplicate === true)).toHaveLength(9);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
    expect(await paypalPayments(db, invoiceId)).toMatchObject([{ status: "succeeded", amountMinor: DEFAULT_TOTAL_MINOR }]);
    expect(await ledger(db, delivery.event.id)).toMatchObject([{ type: "PAYMENT.CAPTURE.COMPLETED", error: null }]);
  });

  it("does not count a COMPLETED webhook after the capture a second time", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    must(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() }));
    const delivery = standIn.captureEvent("PAYMENT.CAPTURE.COMPLETED", orderId);
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "duplicate" } });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
    expect(await paypalPayments(db, invoiceId)).toHaveLength(1);
    expect(await ledger(db, delivery.event.id)).toHaveLength(1);
  });

  it("answers 500 and keeps the event unprocessed when our processing fails, so PayPal's retry is applied", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const delivery = standIn.captureEvent("PAYMENT.CAPTURE.COMPLETED", orderId);
    // Our database refuses the write (standing in for a bug or an outage of ours).
    await db.execute(sql`create function paypal_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await db.execute(sql`create trigger paypal_test_refuse before update on payments for each row execute function paypal_test_refuse()`);
    expect(await deliver(db, delivery)).toMatchObject({ status: 500 });
    // Kept unprocessed, with the failure counted: the retry applies it.
    expect(await ledger(db, delivery.event.id)).toMatchObject([{ processedAt: null, failedAttempts: 1, error: expect.stringContaining("refused by test") }]);
    await db.execute(sql`drop trigger paypal_test_refuse on payments`);
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "applied" } });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid" });
  });

  it("fails the pending payment on PAYMENT.CAPTURE.DENIED", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    const delivery = standIn.captureEvent("PAYMENT.CAPTURE.DENIED", orderId);
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "failed" } });
    expect(await paypalPayments(db, invoiceId)).toMatchObject([{ status: "failed" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0 });
  });

  it("counts PayPal's refunds on the invoice: partially refunded, then refunded", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, orderId } = await orderFor(db, team);
    must(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypal() }));
    const captureId = standIn.orders.get(orderId)?.capture?.id ?? "";
    const refund = (value: string, total: string) =>
      standIn.delivery("PAYMENT.CAPTURE.REFUNDED", {
        id: `R${randomUUID().slice(0, 8).toUpperCase()}`,
        status: "COMPLETED",
        amount: { currency_code: "USD", value },
        seller_payable_breakdown: { total_refunded_amount: { currency_code: "USD", value: total } },
        links: [{ rel: "up", href: `${standIn.url}/v2/payments/captures/${captureId}`, method: "GET" }],
      });
    expect(await deliver(db, refund("15.50", "15.50"))).toMatchObject({ status: 200, body: { result: "partially_refunded" } });
    expect(await deliver(db, refund("100.00", "115.50"))).toMatchObject({ status: 200, body: { result: "refunded" } });
    expect(await paypalPayments(db, invoiceId)).toMatchObject([{ status: "refunded" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "refunded", refundedMinor: 11550 });
  });

  it("records a capture for an unknown invoice and flags it for admins", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const delivery = standIn.delivery("PAYMENT.CAPTURE.COMPLETED", {
      id: "3C679366HH908993F",
      status: "COMPLETED",
      amount: { currency_code: "USD", value: "20.00" },
      custom_id: randomUUID(),
      supplementary_data: { related_ids: { order_id: "5O190127TN364715T" } },
    });
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "flagged" } });
    expect(await ledger(db, delivery.event.id)).toMatchObject([{ error: expect.stringContaining("for an invoice this app does not know"), processedAt: expect.any(Date) }]);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.admin.id), eq(notifications.type, "payment.review_requested")))).toHaveLength(1);
    expect(await db.select().from(payments).where(eq(payments.providerReference, "5O190127TN364715T"))).toHaveLength(0);
  });
});
