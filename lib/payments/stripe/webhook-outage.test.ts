import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { payments, webhookEvents } from "@/db/schema";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db-availability";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { DEFAULT_TOTAL_MINOR, invoiceIn, invoiceRow } from "@/test/invoice-fixtures";
import { startStripeStandIn, type SignedDelivery, type StripeStandIn } from "@/test/standins/stripe-server";
import { createStripeClient } from "./client";
import { startStripeCheckout } from "./create-checkout";
import { handleStripeWebhook } from "./handle-webhook";

// The database is down when the first delivery arrives: Stripe must be told to retry (a 5xx), and
// the retry applies the payment exactly once.
let standIn: StripeStandIn;
const down = createDatabase("postgres://postgres:x@127.0.0.1:1/nano_problem", 1);
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(async () => {
  await standIn.close();
  await down.pool.end().catch(() => {});
});

const stripe = () => createStripeClient(standIn.secretKey, standIn.url);
const deliver = (db: Database, delivery: SignedDelivery) => handleStripeWebhook(db, stripe(), delivery.payload, delivery.signature, standIn.webhookSecret);

describe("a Stripe webhook that arrives while the database is down", () => {
  it("answers 503 with the plain outage message, then is applied once by the retry and acknowledged after", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId }, { stripe: stripe(), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/cancel" }));
    const sessionId = url.split("/").at(-1) ?? "";
    const delivery = standIn.signedEvent("checkout.session.completed", sessionId);

    const during = await deliver(down.db, delivery);
    expect(during).toEqual({ status: 503, body: { error: DATABASE_UNAVAILABLE_MESSAGE } });
    expect(JSON.stringify(during.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at /);

    // Back up: nothing was recorded during the outage, so the retry is a first delivery.
    const ledger = () => db.select().from(webhookEvents).where(eq(webhookEvents.eventId, String(delivery.event.id)));
    expect(await ledger()).toHaveLength(0);
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { result: "applied" } });
    expect(await deliver(db, delivery)).toMatchObject({ status: 200, body: { duplicate: true } });

    expect(await invoiceRow(db, invoiceId)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
    const succeeded = await db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "succeeded")));
    expect(succeeded).toHaveLength(1);
    expect(await ledger()).toMatchObject([{ failedAttempts: 0, error: null }]);
  });
});
