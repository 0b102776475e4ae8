import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLogs, notifications, payments, refunds, webhookEvents } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createStripeClient } from "@/lib/payments/stripe/client";
import { startStripeCheckout } from "@/lib/payments/stripe/create-checkout";
import { handleStripeWebhook } from "@/lib/payments/stripe/handle-webhook";
import { MAX_FAILED_DELIVERIES } from "@/lib/payments/webhook-ledger";
import { createTeam, must, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createAdmin } from "@/test/fixtures";
import { DEFAULT_TOTAL_MINOR, invoiceIn, invoiceRef, invoiceRow, manualPayment } from "@/test/invoice-fixtures";
import { startStripeStandIn, type SignedDelivery, type StripeStandIn } from "@/test/standins/stripe-server";
import { closeReview } from "./close-review";
import { recordManualPayment } from "./record-manual-payment";
import { listDisputes, resolveDispute } from "./resolve-dispute";

// Disputed card payments, settled by an admin or refunded at Stripe, and Stripe events the invoice
// rules cannot apply: through the real stripe SDK, signed deliveries and our stand-in.
let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());

const stripe = () => createStripeClient(standIn.secretKey, standIn.url);
const deliver = (db: Database, delivery: Pick<SignedDelivery, "payload" | "signature">) => handleStripeWebhook(db, stripe(), delivery.payload, delivery.signature, standIn.webhookSecret);
const options = () => ({ stripe: stripe(), paypal: null });

/** A card payment of `amountMinor` (not the balance the checkout asked for) on a fresh invoice: stored as disputed. */
async function disputedCardPayment(db: Database, team: Team, amountMinor: number, status: "approved" | "partially_paid" = "approved") {
  const { id: invoiceId } = await invoiceIn(db, team, status);
  const { url } = must(await startStripeCheckout(db, team.student, { invoiceId }, { stripe: stripe(), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/cancel" }));
  const sessionId = url.split("/").at(-1) ?? "";
  expect(await deliver(db, standIn.signedEvent("checkout.session.completed", sessionId, { session: { amount_total: amountMinor } }))).toMatchObject({ status: 200, body: { result: "disputed" } });
  const [payment] = await db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.provider, "stripe")));
  if (!payment) throw new Error("no disputed payment");
  return { invoiceId, sessionId, payment };
}

const settle = async (db: Database, actor: Team["admin"], invoiceId: string, paymentId: string, resolution: string, reason = "Checked with the student") =>
  resolveDispute(db, actor, { ...(await invoiceRef(db, invoiceId)), paymentId, resolution, reason }, options());

const adminNotes = (db: Database, adminId: string, type: string) => db.select().from(notifications).where(and(eq(notifications.userId, adminId), eq(notifications.type, type)));
const paymentRow = async (db: Database, id: string) => (await db.select().from(payments).where(eq(payments.id, id)))[0];

describe("a card payment that is not the balance", () => {
  it("is disputed below the balance too: the invoice is untouched and admins are told", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await disputedCardPayment(db, team, 5000);
    expect(payment).toMatchObject({ status: "disputed", amountMinor: 5000, disputeReason: "Paid $50.00, the balance asked for was $115.50" });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0 });
    expect(await adminNotes(db, team.admin.id, "payment.disputed")).toHaveLength(1);
  });
});

describe("settling a disputed payment", () => {
  it("accepts it as a part payment once, however often the form is sent", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await disputedCardPayment(db, team, 5000);
    const ref = await invoiceRef(db, invoiceId);
    const input = { ...ref, paymentId: payment.id, resolution: "accept", reason: "The student paid part on purpose" };
    const answers = await Promise.all([1, 2, 3].map(() => resolveDispute(db, team.admin, input, options())));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.code)).toEqual(["conflict", "conflict"]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "partially_paid", paidMinor: 5000 });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded" });
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, invoiceId), eq(auditLogs.action, "payment.dispute_accepted")))).toMatchObject([
      { actorId: team.admin.id, metadata: expect.objectContaining({ paymentId: payment.id, reason: "The student paid part on purpose" }) },
    ]);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "payment.received")))).toHaveLength(1);
    expect(await listDisputes(db, team.admin, await invoiceRow(db, invoiceId))).toEqual([]);
    // The admins' "needs review" notification is resolved for every admin once one of them settled it.
    expect(await adminNotes(db, team.admin.id, "payment.disputed")).toMatchObject([{ resolvedAt: expect.any(Date) }]);
  });

  it("refuses to accept a payment that would overpay the balance, and says to refund it", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    // Partially paid by hand (50.00 of 115.50) while the card paid the whole 115.50.
    const { invoiceId, payment } = await disputedCardPayment(db, team, DEFAULT_TOTAL_MINOR, "partially_paid");
    const before = await invoiceRow(db, invoiceId);
    const refused = await settle(db, team.admin, invoiceId, payment.id, "accept");
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: "Counting $115.50 would overpay the balance of $65.50: refund it instead" });
    expect(await invoiceRow(db, invoiceId)).toEqual(before);
    expect(await listDisputes(db, team.admin, before)).toMatchObject([{ id: payment.id, acceptRefusal: expect.stringContaining("would overpay") }]);
  });

  it("refunds it through Stripe once, and counts it when charge.refunded arrives, leaving the invoice as it was", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, sessionId, payment } = await disputedCardPayment(db, team, 5000);
    const before = await invoiceRow(db, invoiceId);
    const refundsBefore = standIn.refunds.size;
    expect(must(await settle(db, team.admin, invoiceId, payment.id, "refund", "Paid the wrong amount"))).toMatchObject({ resolution: "refund", paymentStatus: "disputed" });
    // A second submit (a fresh form, even) finds the refund under way.
    expect(await settle(db, team.admin, invoiceId, payment.id, "refund", "Paid the wrong amount")).toMatchObject({ ok: false, code: "conflict", message: "A refund of this payment is already under way" });
    expect(standIn.refunds.size - refundsBefore).toBe(1);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "pending", amountMinor: 5000, provider: "stripe", providerReference: expect.stringMatching(/^re_/) }]);
    expect(await listDisputes(db, team.admin, await invoiceRow(db, invoiceId))).toMatchObject([{ refundPendingMinor: 5000 }]);

    expect(await deliver(db, standIn.signedRefund(sessionId, 5000))).toMatchObject({ status: 200, body: { result: "refunded" } });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "refunded" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "succeeded" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0, refundedMinor: 0, version: before.version + 2 });
    expect(await adminNotes(db, team.admin.id, "payment.disputed")).toMatchObject([{ resolvedAt: expect.any(Date) }]);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "payment.refunded")))).toHaveLength(1);
  });

  it("counts a refund of a disputed payment made in Stripe's dashboard (it was acknowledged and ignored before)", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, sessionId, payment } = await disputedCardPayment(db, team, 20_000);
    expect(await deliver(db, standIn.signedRefund(sessionId, 20_000))).toMatchObject({ status: 200, body: { result: "refunded" } });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "refunded" });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "succeeded", amountMinor: 20_000, reason: "Refunded at stripe" }]);
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0, refundedMinor: 0 });
  });

  it("records a refund already made at Stripe without sending one", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await disputedCardPayment(db, team, 5000);
    const refundsBefore = standIn.refunds.size;
    expect(must(await settle(db, team.admin, invoiceId, payment.id, "refunded_at_provider", "Refunded in the dashboard"))).toMatchObject({ paymentStatus: "refunded", invoiceStatus: "approved" });
    expect(standIn.refunds.size).toBe(refundsBefore);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toMatchObject([{ status: "succeeded", amountMinor: 5000 }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, invoiceId), eq(auditLogs.action, "payment.dispute_refunded")))).toMatchObject([{ actorId: team.admin.id, metadata: expect.objectContaining({ atProvider: true }) }]);
    expect(await settle(db, team.admin, invoiceId, payment.id, "accept")).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("no longer disputed") });
  });

  it("is for admins only: another admin may, a CS rep, a teacher and the student may not", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await disputedCardPayment(db, team, 5000);
    for (const actor of [team.rep, team.teacher, team.student]) {
      await expect(settle(db, actor, invoiceId, payment.id, "accept")).rejects.toBeInstanceOf(AppError);
      await expect(listDisputes(db, actor, await invoiceRow(db, invoiceId))).rejects.toBeInstanceOf(AppError);
    }
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "disputed" });
    const another = await createAdmin(db, "Otto Otheradmin");
    expect(must(await settle(db, another, invoiceId, payment.id, "accept"))).toMatchObject({ paymentStatus: "succeeded", invoiceStatus: "partially_paid" });
  });

  it("refuses a stale form and bad input, writing nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, payment } = await disputedCardPayment(db, team, 5000);
    const stale = await invoiceRef(db, invoiceId);
    must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, invoiceId)), ...manualPayment("10.00") }));
    const before = await invoiceRow(db, invoiceId);
    expect(await resolveDispute(db, team.admin, { ...stale, paymentId: payment.id, resolution: "accept", reason: "Fine" }, options())).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("changed since you opened it") });
    expect(await resolveDispute(db, team.admin, { ...(await invoiceRef(db, invoiceId)), paymentId: payment.id, resolution: "keep", reason: "Fine" }, options())).toMatchObject({ ok: false, code: "invalid", fieldErrors: { resolution: expect.any(Array) } });
    expect(await resolveDispute(db, team.admin, { ...(await invoiceRef(db, invoiceId)), paymentId: payment.id, resolution: "accept", reason: [] }, options())).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: expect.any(Array) } });
    expect(await resolveDispute(db, team.admin, { ...(await invoiceRef(db, invoiceId)), paymentId: "not-a-uuid", resolution: "accept", reason: "Fine" }, options())).toMatchObject({ ok: false, code: "invalid" });
    expect(await invoiceRow(db, invoiceId)).toEqual(before);
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "disputed" });
  });
});

describe("a Stripe event the invoice rules cannot apply", () => {
  it("a refund on a partially paid invoice is recorded, flagged on the payment for admins and answered 200, once", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { invoiceId, sessionId, payment } = await disputedCardPayment(db, team, 5000);
    must(await settle(db, team.admin, invoiceId, payment.id, "accept"));
    const before = await invoiceRow(db, invoiceId);
    expect(before).toMatchObject({ status: "partially_paid", paidMinor: 5000 });

    const delivery = standIn.signedRefund(sessionId, 1000);
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "flagged" } });
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { duplicate: true } });
    const [ledger] = await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, String(delivery.event.id)));
    expect(ledger).toMatchObject({ type: "charge.refunded", processedAt: expect.any(Date), error: expect.stringContaining("Partially paid") });
    expect(await paymentRow(db, payment.id)).toMatchObject({ status: "succeeded", reviewReason: expect.stringContaining("$10.00 was refunded at Stripe while the invoice is Partially paid") });
    expect(await invoiceRow(db, invoiceId)).toEqual(before);
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toEqual([]);
    expect(await adminNotes(db, team.admin.id, "payment.review_requested")).toMatchObject([{ link: `/admin/invoices/${invoiceId}` }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, invoiceId), eq(auditLogs.action, "payment.review_requested")))).toHaveLength(1);

    // Dealt with outside the rules, an admin closes the flag: once, audited; a CS rep cannot.
    const close = async (actor: Team["admin"]) => closeReview(db, actor, { ...(await invoiceRef(db, invoiceId)), paymentId: payment.id, reason: "Refunded the student by bank, see ticket 12" });
    await expect(close(team.rep)).rejects.toBeInstanceOf(AppError);
    const [first, second] = await Promise.all([close(team.admin), close(team.admin)]);
    expect([first?.ok, second?.ok].filter(Boolean)).toHaveLength(1);
    expect(await paymentRow(db, payment.id)).toMatchObject({ reviewReason: null, status: "succeeded" });
    expect(await adminNotes(db, team.admin.id, "payment.review_requested")).toMatchObject([{ resolvedAt: expect.any(Date) }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, invoiceId), eq(auditLogs.action, "payment.review_closed")))).toMatchObject([
      { actorId: team.admin.id, metadata: expect.objectContaining({ flagged: expect.stringContaining("Partially paid"), reason: "Refunded the student by bank, see ticket 12" }) },
    ]);
  });

  it("a failure of ours answers 500 for retries, and is flagged (200) at the fifth delivery rather than failing for ever", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId }, { stripe: stripe(), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/cancel" }));
    const delivery = standIn.signedEvent("checkout.session.completed", url.split("/").at(-1) ?? "");
    await db.execute(sql`create function stripe_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await db.execute(sql`create trigger stripe_test_refuse before update on payments for each row execute function stripe_test_refuse()`);
    try {
      for (let attempt = 1; attempt < MAX_FAILED_DELIVERIES; attempt++) expect(await deliver(db, delivery)).toMatchObject({ status: 500 });
      expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "flagged" } });
    } finally {
      await db.execute(sql`drop trigger stripe_test_refuse on payments`);
    }
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.eventId, String(delivery.event.id)))).toMatchObject([
      { failedAttempts: MAX_FAILED_DELIVERIES, processedAt: expect.any(Date), error: expect.stringContaining("refused by test") },
    ]);
    expect(await adminNotes(db, team.admin.id, "payment.review_requested")).toHaveLength(1);
    // Processed: a later retry is a duplicate, never applied behind the admins' backs.
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "approved", paidMinor: 0 });
  });
});
