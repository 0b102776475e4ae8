import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { DEFAULT_TOTAL_MINOR, invoiceIn, invoiceRow } from "@/test/invoice-fixtures";
import { startStripeStandIn, type StripeStandIn } from "@/test/standins/stripe-server";
import { createStripeClient } from "./client";
import { startStripeCheckout } from "./create-checkout";
import { handleStripeWebhook } from "./handle-webhook";

// The stand-in itself, through the real SDK: Stripe's idempotency rule and the hosted page's Pay
// button delivering a signed webhook to a small server that runs our handler.
let app: http.Server;
let standIn: StripeStandIn;

beforeAll(async () => {
  const db = await testDb();
  app = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const signature = req.headers["stripe-signature"];
      void handleStripeWebhook(db, createStripeClient(standIn.secretKey, standIn.url), Buffer.concat(chunks).toString("utf8"), typeof signature === "string" ? signature : null, standIn.webhookSecret).then(
        ({ status, body }) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        },
      );
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  standIn = await startStripeStandIn({ webhookUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/webhooks/stripe` });
});
afterAll(async () => {
  await standIn.close();
  await new Promise((resolve) => app.close(resolve));
});

const params = (amount: number): Stripe.Checkout.SessionCreateParams => ({
  mode: "payment",
  line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "Invoice INV-2026-00001" } } }],
  success_url: "http://app.test/ok",
});

describe("the Stripe stand-in", () => {
  it("replays a request with the same idempotency key and refuses the key with other parameters, as Stripe does", async () => {
    const stripe = createStripeClient(standIn.secretKey, standIn.url);
    const first = await stripe.checkout.sessions.create(params(100), { idempotencyKey: "key-1" });
    const again = await stripe.checkout.sessions.create(params(100), { idempotencyKey: "key-1" });
    expect(again.id).toBe(first.id);
    await expect(stripe.checkout.sessions.create(params(200), { idempotencyKey: "key-1" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((await stripe.checkout.sessions.retrieve(first.id)).amount_total).toBe(100);
  });

  it("serves a hosted page whose Pay button sends the signed completed webhook and returns to the success url", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const stripe = createStripeClient(standIn.secretKey, standIn.url);
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId: id }, { stripe, successUrl: "http://app.test/ok?checkout=success", cancelUrl: "http://app.test/cancel" }));
    const page = await (await fetch(url)).text();
    expect(page).toContain("<button type=\"submit\">Pay</button>");
    const paid = await fetch(url, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("http://app.test/ok?checkout=success");
    expect(standIn.deliveries.at(-1)).toMatchObject({ status: 200 });
    expect(await invoiceRow(db, id)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
  });

  it("resends a delivered event, signed anew, as Stripe's retries do: the app acknowledges it as a duplicate", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId: id }, { stripe: createStripeClient(standIn.secretKey, standIn.url), successUrl: "http://app.test/ok", cancelUrl: "http://app.test/cancel" }));
    await fetch(url, { method: "POST", redirect: "manual" });
    const first = standIn.deliveries.at(-1);
    expect(first).toMatchObject({ status: 200 });

    const resent = await fetch(`${standIn.url}/resend/${first?.eventId}`, { method: "POST" });
    expect(await resent.json()).toEqual({ status: 200 });
    expect(standIn.deliveries.at(-1)).toEqual({ eventId: first?.eventId, status: 200 });
    expect(await invoiceRow(db, id)).toMatchObject({ status: "paid", paidMinor: DEFAULT_TOTAL_MINOR });
    expect((await fetch(`${standIn.url}/resend/evt_unknown`, { method: "POST" })).status).toBe(404);
  });
});
