import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, notifications, payments } from "@/db/schema";
import { createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn, invoiceRow } from "@/test/invoice-fixtures";
import { applySucceededPayment } from "./apply-payment";

const online = (overrides: Partial<Parameters<typeof applySucceededPayment>[2]> = {}) => ({
  provider: "stripe" as const,
  providerReference: `pi_${Math.random().toString(36).slice(2)}`,
  amountMinor: 11_550,
  currency: "USD",
  ...overrides,
});

describe("applying a succeeded payment (the path webhooks will use)", () => {
  it("pays the invoice when the amount and currency match the balance, turning a pending payment into succeeded", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    await db.insert(payments).values({ invoiceId: id, provider: "stripe", providerReference: "cs_1", amountMinor: 11_550, currency: "USD", status: "pending" });
    const applied = await db.transaction((tx) => applySucceededPayment(tx, id, online({ providerReference: "cs_1" })));
    expect(applied).toMatchObject({ outcome: "applied", balanceMinor: 0, payment: { status: "succeeded" }, invoice: { status: "paid" } });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(1);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "payment.applied")))).toMatchObject([{ actorId: null }]);
  });

  it("records a payment in another currency or above the balance as disputed, and does not mark the invoice paid", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "partially_paid");
    const before = await invoiceRow(db, id);
    const wrongCurrency = await db.transaction((tx) => applySucceededPayment(tx, id, online({ currency: "EUR", amountMinor: 6550 })));
    expect(wrongCurrency).toMatchObject({ outcome: "disputed", payment: { status: "disputed", disputeReason: "Paid in EUR, invoiced in USD" } });
    const tooMuch = await db.transaction((tx) => applySucceededPayment(tx, id, online({ amountMinor: 11_550 })));
    expect(tooMuch).toMatchObject({ outcome: "disputed", payment: { disputeReason: "Paid $115.50, the balance was $65.50" } });
    expect(await invoiceRow(db, id)).toEqual(before);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.admin.id), eq(notifications.type, "payment.disputed")))).toHaveLength(2);
  });

  it("a payment for a void invoice is kept as disputed", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "void");
    expect(await db.transaction((tx) => applySucceededPayment(tx, id, online()))).toMatchObject({ outcome: "disputed", invoice: { status: "void" } });
  });

  it("a retried event with the same provider reference changes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    // A part payment: only an admin records one (a provider's must be the whole balance).
    const payment = online({ provider: "manual", amountMinor: 1000 });
    expect(await db.transaction((tx) => applySucceededPayment(tx, id, payment))).toMatchObject({ outcome: "applied", balanceMinor: 10_550 });
    expect(await db.transaction((tx) => applySucceededPayment(tx, id, payment))).toMatchObject({ outcome: "duplicate", balanceMinor: 10_550 });
    expect((await invoiceRow(db, id)).paidMinor).toBe(1000);
  });

  it("concurrent payments are applied one at a time against the current balance", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const results = await Promise.all([0, 1, 2].map(() => db.transaction((tx) => applySucceededPayment(tx, id, online({ provider: "manual", amountMinor: 5000 })))));
    expect(results.map((r) => r.outcome).sort()).toEqual(["applied", "applied", "disputed"]);
    expect(await invoiceRow(db, id)).toMatchObject({ status: "partially_paid", paidMinor: 10_000 });
  });

  it("a Stripe or PayPal payment below the balance is disputed like one above it: the app only asks providers for the whole balance", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const provider of ["stripe", "paypal"] as const) {
      const { id } = await invoiceIn(db, team, "approved");
      const before = await invoiceRow(db, id);
      const short = await db.transaction((tx) => applySucceededPayment(tx, id, online({ provider, amountMinor: 5000 })));
      expect(short).toMatchObject({ outcome: "disputed", payment: { status: "disputed", disputeReason: "Paid $50.00, the balance asked for was $115.50" } });
      expect(await invoiceRow(db, id)).toEqual(before);
    }
    // An admin's part payment still counts.
    const { id } = await invoiceIn(db, team, "approved");
    expect(await db.transaction((tx) => applySucceededPayment(tx, id, online({ provider: "manual", amountMinor: 5000 })))).toMatchObject({ outcome: "applied", invoice: { status: "partially_paid" } });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.admin.id), eq(notifications.type, "payment.disputed")))).toHaveLength(2);
  });
});
