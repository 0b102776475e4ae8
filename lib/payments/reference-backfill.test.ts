import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, webhookEvents } from "@/db/schema";
import { createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn } from "@/test/invoice-fixtures";

// Migration 0014 moves the provider references older rows kept in payments.note to their columns.
const backfill = readFileSync(join(process.cwd(), "db/migrations/0014_payment_references_backfill.sql"), "utf8").split("--> statement-breakpoint");

describe("the payment references backfill", () => {
  it("moves attempts, PayPal captures and Stripe payment intents out of the note, and leaves an admin's note alone", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const attempt = crypto.randomUUID();
    const rows = await db
      .insert(payments)
      .values([
        { invoiceId: id, provider: "stripe", providerReference: "cs_old_pending", amountMinor: 100, currency: "USD", status: "pending", note: `stripe-checkout attempt=${attempt} version=4` },
        { invoiceId: id, provider: "paypal", providerReference: "ORDER1", amountMinor: 100, currency: "USD", status: "pending", note: `paypal-order attempt=${attempt} version=2` },
        { invoiceId: id, provider: "paypal", providerReference: "ORDER2", amountMinor: 100, currency: "USD", status: "succeeded", note: "paypal capture=3C679366HH908993F" },
        { invoiceId: id, provider: "stripe", providerReference: "cs_old_paid", amountMinor: 100, currency: "USD", status: "succeeded", note: null },
        { invoiceId: id, provider: "manual", providerReference: "BANK-1", amountMinor: 100, currency: "USD", status: "succeeded", note: "paypal capture=looks-like-one but typed by an admin" },
      ])
      .returning();
    await db.insert(webhookEvents).values({ provider: "stripe", eventId: "evt_old", type: "checkout.session.completed", payload: { data: { object: { id: "cs_old_paid", payment_intent: "pi_old" } } }, processedAt: new Date() });
    for (const statement of backfill) await db.execute(sql.raw(statement));

    const after = await Promise.all(rows.map(async (row) => (await db.select().from(payments).where(eq(payments.id, row.id)))[0]));
    expect(after).toMatchObject([
      { attemptId: attempt, attemptVersion: 4, note: null },
      { attemptId: attempt, attemptVersion: 2, note: null },
      { paypalCaptureId: "3C679366HH908993F", note: null },
      { stripePaymentIntent: "pi_old" },
      { paypalCaptureId: null, note: "paypal capture=looks-like-one but typed by an admin" },
    ]);
  });
});
