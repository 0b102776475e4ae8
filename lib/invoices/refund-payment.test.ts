import http from "node:http";
import type { AddressInfo } from "node:net";
import { PaymentsController } from "@paypal/paypal-server-sdk";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { auditLogs, invoiceEvents, notifications, payments, refunds } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { capturePaypalOrder } from "@/lib/payments/paypal/capture-order";
import { createPaypal, type Paypal } from "@/lib/payments/paypal/client";
import { startPaypalOrder } from "@/lib/payments/paypal/create-order";
import { handlePaypalWebhook } from "@/lib/payments/paypal/handle-webhook";
import { createStripeClient } from "@/lib/payments/stripe/client";
import { startStripeCheckout } from "@/lib/payments/stripe/create-checkout";
import { handleStripeWebhook } from "@/lib/payments/stripe/handle-webhook";
import { createTeam, must, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { DEFAULT_TOTAL_MINOR, invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
import { startPaypalStandIn, type PaypalStandIn } from "@/test/standins/paypal-server";
import { startStripeStandIn, type SignedDelivery, type StripeStandIn } from "@/test/standins/stripe-server";
import { applyConfirmedRefund } from "./apply-refund";
import { listRefunds, refundPayment } from "./refund-payment";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());

const stripe = () => createStripeClient(standIn.secretKey, standIn.url);
const deliver = (db: Database, delivery: SignedDelivery) => handleStripeWebhook(db, stripe(), delivery.payload, delivery.signature, standIn.webhookSecret);

async function paymentsOf(db: Database, invoiceId: string) {
  return db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(payments.createdAt);
}

/** A paid invoice (one manual payment of the full amount) and that payment. */
async function paidManually(db: Database, team: Team) {
  const { id } = await invoiceIn(db, team, "paid");
  const [payment] = await paymentsOf(db, id);
  if (!payment) throw new Error("no payment");
  return { invoiceId: id, payment };
}

const refund = async (db: Database, team: Team, invoiceId: string, paymentId: string, amount: string, actor = team.admin) =>
  refundPayment(db, actor, { ...(await invoiceRef(db, invoiceId)), paymentId, amount, reason: "Work was late" }, { stripe: stripe() });

describe("refunding a payment", () => {
  it("a manual partial refund makes the invoice partially refunded; refunding the rest makes it refunded", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidManually(db, team);

    expect(must(await refund(db, team, invoiceId, payment.id, "15.50"))).toMatchObject({ status: "succeeded", invoiceStatus: "partially_refunded" });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "partially_refunded", refundedMinor: 1550, paidMinor: DEFAULT_TOTAL_MINOR });
    expect((await paymentsOf(db, invoiceId))[0]).toMatchObject({ status: "partially_refunded" });

    expect(must(await refund(db, team, invoiceId, payment.id, "100.00"))).toMatchObject({ status: "succeeded", invoiceStatus: "refunded" });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "refunded", refundedMinor: DEFAULT_TOTAL_MINOR });
    expect((await paymentsOf(db, invoiceId))[0]).toMatchObject({ status: "refunded" });

    const events = await db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, invoiceId));
    expect(events.map((e) => e.toStatus).slice(-2)).toEqual(["partially_refunded", "refunded"]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, invoiceId), eq(auditLogs.action, "refund.applied")))).toHaveLength(2);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "payment.refunded")));
    expect(told).toHaveLength(2);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([
      { status: "succeeded", amountMinor: 1550, requestedBy: team.admin.id, reason: "Work was late" },
      { status: "succeeded", amountMinor: 10_000 },
    ]);
  });

  it("a full manual refund moves a paid invoice straight to refunded", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidManually(db, team);
    expect(must(await refund(db, team, invoiceId, payment.id, "115.50"))).toMatchObject({ invoiceStatus: "refunded" });
    const events = await db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, invoiceId));
    expect(events.at(-1)).toMatchObject({ fromStatus: "paid", toStatus: "refunded", actorId: team.admin.id });
  });

  it("refuses more than is left refundable, bad amounts, an unpaid invoice and a stale form, recording nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidManually(db, team);
    expect(await refund(db, team, invoiceId, payment.id, "115.51")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { amount: ["At most $115.50 of this payment can be refunded"] } });
    must(await refund(db, team, invoiceId, payment.id, "100.00"));
    expect(await refund(db, team, invoiceId, payment.id, "15.51")).toMatchObject({ ok: false, fieldErrors: { amount: ["At most $15.50 of this payment can be refunded"] } });
    for (const amount of ["0", "-1", "1.234", "abc"]) {
      expect(await refund(db, team, invoiceId, payment.id, amount), amount).toMatchObject({ ok: false, fieldErrors: { amount: [expect.any(String)] } });
    }
    const stale = { invoiceId, expectedVersion: (await invoiceRow(db, invoiceId)).version - 1, paymentId: payment.id, amount: "1.00", reason: "Again" };
    expect(await refundPayment(db, team.admin, stale, { stripe: null })).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toHaveLength(1);

    const partly = await invoiceIn(db, team, "partially_paid");
    const [part] = await paymentsOf(db, partly.id);
    expect(await refund(db, team, partly.id, part?.id ?? "", "10.00")).toMatchObject({ ok: false, code: "conflict", message: "Only a paid invoice can be refunded" });
  });

  it("lists what is left refundable per payment for the admin's refund forms", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidManually(db, team);
    expect(await listRefunds(db, team.admin, await invoiceRow(db, invoiceId))).toMatchObject({ refundable: [{ id: payment.id, refundableMinor: DEFAULT_TOTAL_MINOR }], refunds: [] });
    must(await refund(db, team, invoiceId, payment.id, "15.50"));
    expect(await listRefunds(db, team.admin, await invoiceRow(db, invoiceId))).toMatchObject({ refundable: [{ refundableMinor: 10_000 }], refunds: [{ amountMinor: 1550, status: "succeeded" }] });
    must(await refund(db, team, invoiceId, payment.id, "100.00"));
    expect((await listRefunds(db, team.admin, await invoiceRow(db, invoiceId))).refundable).toEqual([]);
    await expect(listRefunds(db, team.rep, await invoiceRow(db, invoiceId))).rejects.toBeInstanceOf(AppError);
  });

  it("refuses a CS rep and a student", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidManually(db, team);
    await expect(refund(db, team, invoiceId, payment.id, "10.00", team.rep)).rejects.toBeInstanceOf(AppError);
    await expect(refund(db, team, invoiceId, payment.id, "10.00", team.student)).rejects.toBeInstanceOf(AppError);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toHaveLength(0);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", refundedMinor: 0 });
  });

  it("a Stripe refund goes through Stripe and stays pending until the signed charge.refunded webhook confirms it, once", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId }, { stripe: stripe(), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/cancel" }));
    const sessionId = url.split("/").at(-1) ?? "";
    expect(await deliver(db, standIn.signedEvent("checkout.session.completed", sessionId))).toMatchObject({ status: 200, body: { result: "applied" } });
    const [payment] = await paymentsOf(db, invoiceId);
    if (!payment) throw new Error("no payment");

    const result = must(await refund(db, team, invoiceId, payment.id, "40.00"));
    expect(result).toMatchObject({ status: "pending", invoiceStatus: "paid" });
    const made = [...standIn.refunds.values()].filter((r) => r.metadata.refund_id === result.refundId);
    expect(made).toMatchObject([{ amount: 4000, currency: "usd", payment_intent: standIn.sessions.get(sessionId)?.payment_intent }]);
    const [pending] = await db.select().from(refunds).where(eq(refunds.id, result.refundId));
    expect(pending).toMatchObject({ status: "pending", provider: "stripe", providerReference: made[0]?.id, amountMinor: 4000 });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", refundedMinor: 0 });
    // Pending refunds count against what is left.
    expect(await refund(db, team, invoiceId, payment.id, "75.51")).toMatchObject({ ok: false, fieldErrors: { amount: ["At most $75.50 of this payment can be refunded"] } });

    const confirmation = standIn.signedRefund(sessionId, 4000);
    expect(await deliver(db, confirmation)).toMatchObject({ status: 200, body: { result: "partially_refunded" } });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "partially_refunded", refundedMinor: 4000 });
    expect(await db.select().from(refunds).where(eq(refunds.id, result.refundId))).toMatchObject([{ status: "succeeded", confirmedAt: expect.any(Date) }]);

    // The same delivery again (ledger), and another event reporting the same total: applied once.
    expect(await deliver(db, confirmation)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await deliver(db, standIn.signedRefund(sessionId, 4000))).toMatchObject({ status: 200 });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "partially_refunded", refundedMinor: 4000 });
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "payment.refunded")));
    expect(told).toHaveLength(1);

    // The rest, confirmed: refunded.
    const rest = must(await refund(db, team, invoiceId, payment.id, "75.50"));
    expect(rest.status).toBe("pending");
    expect(await deliver(db, standIn.signedRefund(sessionId, DEFAULT_TOTAL_MINOR))).toMatchObject({ status: 200, body: { result: "refunded" } });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "refunded", refundedMinor: DEFAULT_TOTAL_MINOR, paidMinor: DEFAULT_TOTAL_MINOR });
  });

  it("a Stripe refund the stand-in refuses is marked failed and the invoice is unchanged", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId }, { stripe: stripe(), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/cancel" }));
    const sessionId = url.split("/").at(-1) ?? "";
    await deliver(db, standIn.signedEvent("checkout.session.completed", sessionId));
    const [payment] = await paymentsOf(db, invoiceId);
    if (!payment) throw new Error("no payment");
    // Refunded at Stripe already (outside the app): Stripe refuses our request as too large.
    const intent = standIn.sessions.get(sessionId)?.payment_intent ?? "";
    await stripe().refunds.create({ payment_intent: intent, amount: 11_000 });
    const refused = await refund(db, team, invoiceId, payment.id, "10.00");
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "failed", failureReason: expect.any(String) }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", refundedMinor: 0 });
  });

  it("applyConfirmedRefund counts a repeated or lower total once", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidManually(db, team);
    await db.insert(refunds).values({ paymentId: payment.id, invoiceId, provider: "manual", amountMinor: 2000, currency: "USD", reason: "Test", requestedBy: team.admin.id });
    const first = await db.transaction((tx) => applyConfirmedRefund(tx, payment.id, 2000));
    const again = await db.transaction((tx) => applyConfirmedRefund(tx, payment.id, 2000));
    const lower = await db.transaction((tx) => applyConfirmedRefund(tx, payment.id, 1000));
    expect([first.outcome, again.outcome, lower.outcome]).toEqual(["applied", "duplicate", "duplicate"]);
    // More than was requested here (refunded at the provider directly): recorded and counted too.
    expect(await db.transaction((tx) => applyConfirmedRefund(tx, payment.id, 5000))).toMatchObject({ outcome: "applied", appliedMinor: 3000 });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "partially_refunded", refundedMinor: 5000 });
    const rows = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(rows.map((r) => [r.amountMinor, r.status]).sort()).toEqual([[2000, "succeeded"], [3000, "succeeded"]]);
  });
});

describe("refunding a PayPal payment", () => {
  // Two PayPal stand-ins: one delivering its webhooks to a receiver that hands them to the app's
  // handler (held back until the test lets them through), one delivering nothing.
  let delivering: PaypalStandIn;
  let quiet: PaypalStandIn;
  let receiver: http.Server;
  let webhookDb: Database | null = null;
  let gate: Promise<void> = Promise.resolve();
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        await gate;
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
        if (!webhookDb) throw new Error("no database for the webhook");
        const answer = await handlePaypalWebhook(webhookDb, paypalOf(delivering), Buffer.concat(chunks).toString("utf8"), headers, delivering.webhookId);
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(JSON.stringify(answer.body));
      })().catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    delivering = await startPaypalStandIn({ webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/paypal` });
    quiet = await startPaypalStandIn();
  });
  afterAll(async () => {
    await Promise.all([delivering.close(), quiet.close()]);
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const paypalOf = (standIn: PaypalStandIn): Paypal => createPaypal({ clientId: standIn.clientId, clientSecret: standIn.clientSecret, apiBase: standIn.url });
  const refundAtPaypal = async (db: Database, team: Team, standIn: PaypalStandIn, invoiceId: string, paymentId: string, amount: string) =>
    refundPayment(db, team.admin, { ...(await invoiceRef(db, invoiceId)), paymentId, amount, reason: "Work was late" }, { stripe: null, paypal: paypalOf(standIn) });

  /** An invoice paid through PayPal (order approved and captured at the stand-in) and its payment. */
  async function paidByPaypal(db: Database, team: Team, standIn: PaypalStandIn) {
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    const { approveUrl } = must(await startPaypalOrder(db, team.student, { invoiceId }, { paypal: paypalOf(standIn), returnUrl: "http://app.test/return", cancelUrl: "http://app.test/cancel" }));
    const orderId = new URL(approveUrl).searchParams.get("token") ?? "";
    standIn.approve(orderId);
    must(await capturePaypalOrder(db, team.student, { invoiceId, orderId }, { paypal: paypalOf(standIn) }));
    const [payment] = await paymentsOf(db, invoiceId);
    if (!payment) throw new Error("no payment");
    const captureId = standIn.orders.get(orderId)?.capture?.id ?? "";
    return { invoiceId, payment, captureId };
  }

  it("refunds the capture through the SDK, pending until PayPal's PAYMENT.CAPTURE.REFUNDED delivery confirms it", async () => {
    const db = await testDb();
    webhookDb = db;
    const team = await createTeam(db);
    const { invoiceId, payment, captureId } = await paidByPaypal(db, team, delivering);
    // The PAYMENT.CAPTURE.COMPLETED delivery after the capture: a duplicate of the capture call.
    await vi.waitFor(() => expect(delivering.deliveries).toHaveLength(1));
    expect(delivering.deliveries[0]?.status).toBe(200);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });

    let release = () => {};
    gate = new Promise<void>((resolve) => (release = resolve));
    const result = must(await refundAtPaypal(db, team, delivering, invoiceId, payment.id, "40.00"));
    expect(result).toMatchObject({ status: "pending", invoiceStatus: "paid" });
    const made = [...delivering.refunds.values()];
    expect(made).toMatchObject([{ captureId, amount: { currency_code: "USD", value: "40.00" }, requestId: `refund_${result.refundId}`, custom_id: result.refundId }]);
    expect(await db.select().from(refunds).where(eq(refunds.id, result.refundId))).toMatchObject([{ status: "pending", provider: "paypal", providerReference: made[0]?.id, amountMinor: 4000 }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", refundedMinor: 0 });
    // Pending refunds count against what is left.
    expect(await refundAtPaypal(db, team, delivering, invoiceId, payment.id, "75.51")).toMatchObject({ ok: false, fieldErrors: { amount: ["At most $75.50 of this payment can be refunded"] } });

    release();
    await vi.waitFor(async () => expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "partially_refunded", refundedMinor: 4000 }), { timeout: 5000 });
    // The invoice changes when the webhook's transaction commits; its HTTP answer is recorded a moment later.
    await vi.waitFor(() => expect(delivering.deliveries.map((d) => d.status)).toEqual([200, 200]));
    expect(await db.select().from(refunds).where(eq(refunds.id, result.refundId))).toMatchObject([{ status: "succeeded", confirmedAt: expect.any(Date) }]);
    expect((await paymentsOf(db, invoiceId))[0]).toMatchObject({ status: "partially_refunded" });
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "payment.refunded")));
    expect(told).toHaveLength(1);

    // The rest: refunded once its delivery confirms it.
    const rest = must(await refundAtPaypal(db, team, delivering, invoiceId, payment.id, "75.50"));
    expect(rest.status).toBe("pending");
    await vi.waitFor(async () => expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "refunded", refundedMinor: DEFAULT_TOTAL_MINOR, paidMinor: DEFAULT_TOTAL_MINOR }), { timeout: 5000 });
    expect((await paymentsOf(db, invoiceId))[0]).toMatchObject({ status: "refunded" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "succeeded" }, { status: "succeeded" }]);
    expect([...delivering.orders.values()].find((o) => o.capture?.id === captureId)?.capture?.status).toBe("REFUNDED");
    webhookDb = null;
  });

  it("the same PayPal-Request-Id makes one refund at PayPal", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { captureId } = await paidByPaypal(db, team, quiet);
    const payments = new PaymentsController(paypalOf(quiet).client);
    const ask = () => payments.refundCapturedPayment({ captureId, paypalRequestId: "refund_same", body: { amount: { currencyCode: "USD", value: "10.00" } } });
    const [first, second] = [await ask(), await ask()];
    expect(second.result.id).toBe(first.result.id);
    expect([...quiet.refunds.values()].filter((r) => r.captureId === captureId)).toHaveLength(1);
  });

  it("PayPal's refusal of an over-refund (REFUND_AMOUNT_EXCEEDED) marks the refund failed and leaves the invoice alone", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment, captureId } = await paidByPaypal(db, team, quiet);
    // More than the payment, refused here before PayPal is asked.
    expect(await refundAtPaypal(db, team, quiet, invoiceId, payment.id, "115.51")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { amount: ["At most $115.50 of this payment can be refunded"] } });
    expect(quiet.refunds.size === 0 || [...quiet.refunds.values()].every((r) => r.captureId !== captureId)).toBe(true);
    // Refunded at PayPal already (outside the app): PayPal refuses our request as too large.
    await new PaymentsController(paypalOf(quiet).client).refundCapturedPayment({ captureId, body: { amount: { currencyCode: "USD", value: "110.00" } } });
    const refused = await refundAtPaypal(db, team, quiet, invoiceId, payment.id, "10.00");
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(refused.ok ? "" : refused.message).toContain("REFUND_AMOUNT_EXCEEDED");
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "failed", failureReason: "REFUND_AMOUNT_EXCEEDED" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", refundedMinor: 0 });
    expect([...quiet.refunds.values()].filter((r) => r.captureId === captureId)).toHaveLength(1);
  });

  it("refuses a PayPal payment when PayPal is not configured", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await paidByPaypal(db, team, quiet);
    const result = await refundPayment(db, team.admin, { ...(await invoiceRef(db, invoiceId)), paymentId: payment.id, amount: "10.00", reason: "Work was late" }, { stripe: stripe() });
    expect(result).toMatchObject({ ok: false, code: "conflict", message: "PayPal is not configured, so this payment cannot be refunded here" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toHaveLength(0);
  });
});
