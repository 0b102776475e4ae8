import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLogs, invoiceEvents, notifications, payments, refunds } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createStripeClient } from "@/lib/payments/stripe/client";
import { startStripeCheckout } from "@/lib/payments/stripe/create-checkout";
import { handleStripeWebhook } from "@/lib/payments/stripe/handle-webhook";
import { createTeam, must, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { DEFAULT_TOTAL_MINOR, invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
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
