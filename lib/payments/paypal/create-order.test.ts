import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn, invoiceRow } from "@/test/invoice-fixtures";
import { startPaypalStandIn, type PaypalStandIn } from "@/test/standins/paypal-server";
import { createPaypal } from "./client";
import { startPaypalOrder } from "./create-order";

// The real @paypal/paypal-server-sdk against our stand-in for PayPal's API (unreachable from here).
let standIn: PaypalStandIn;
beforeAll(async () => {
  standIn = await startPaypalStandIn();
});
afterAll(() => standIn.close());

const paypal = () => createPaypal({ clientId: standIn.clientId, clientSecret: standIn.clientSecret, apiBase: standIn.url });
const options = (id: string) => ({ paypal: paypal(), returnUrl: `http://app.test/api/invoices/${id}/paypal-return`, cancelUrl: `http://app.test/student/invoices/${id}?checkout=cancelled` });
const orderIdOf = (approveUrl: string) => new URL(approveUrl).searchParams.get("token") ?? "";

describe("starting a PayPal order for an invoice", () => {
  it("creates an order for the balance in the invoice currency, with the invoice id, and one pending payment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "partially_paid");
    const invoice = await invoiceRow(db, id);
    const { approveUrl } = must(await startPaypalOrder(db, team.student, { invoiceId: id, expectedVersion: invoice.version }, options(id)));

    expect(approveUrl.startsWith(`${standIn.url}/checkoutnow?token=`)).toBe(true);
    const order = standIn.orders.get(orderIdOf(approveUrl));
    expect(order).toMatchObject({ status: "CREATED", intent: "CAPTURE", return_url: options(id).returnUrl, cancel_url: options(id).cancelUrl });
    expect(order?.purchase_units[0]).toMatchObject({ custom_id: id, invoice_id: id, amount: { currency_code: "USD", value: "65.50" }, description: `Invoice ${invoice.number}` });
    const rows = await db.select().from(payments).where(eq(payments.invoiceId, id));
    const pending = rows.filter((row) => row.provider === "paypal");
    expect(pending).toMatchObject([{ providerReference: order?.id, status: "pending", amountMinor: 6550, currency: "USD" }]);
    // The attempt has its own columns; the note is left for an admin.
    expect(pending[0]).toMatchObject({ attemptVersion: invoice.version, note: null });
    expect(pending[0]?.attemptId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await invoiceRow(db, id)).toEqual(invoice);
  });

  it("answers a retried click with the same order through the same PayPal-Request-Id, without a second order or pending payment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const before = standIn.created();
    const first = must(await startPaypalOrder(db, team.student, { invoiceId: id }, options(id)));
    const again = must(await startPaypalOrder(db, team.student, { invoiceId: id }, options(id)));
    const both = await Promise.all([startPaypalOrder(db, team.student, { invoiceId: id }, options(id)), startPaypalOrder(db, team.student, { invoiceId: id }, options(id))]);
    expect(again.approveUrl).toBe(first.approveUrl);
    expect(both.map((r) => must(r).approveUrl)).toEqual([first.approveUrl, first.approveUrl]);
    expect(standIn.created() - before).toBe(1);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(1);
  });

  it("refuses another student's invoice as not found, staff as forbidden, a stale version and an invoice not open for payment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStudent(db, "Olga Other");
    const { id } = await invoiceIn(db, team, "approved");
    const before = standIn.created();
    expect(await startPaypalOrder(db, other, { invoiceId: id }, options(id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await startPaypalOrder(db, team.student, { invoiceId: "not-a-uuid" }, options(id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await startPaypalOrder(db, team.admin, { invoiceId: id }, options(id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await startPaypalOrder(db, team.student, { invoiceId: id, expectedVersion: 1 }, options(id))).toMatchObject({ ok: false, code: "conflict" });
    const paid = await invoiceIn(db, team, "paid");
    expect(await startPaypalOrder(db, team.student, { invoiceId: paid.id }, options(paid.id))).toMatchObject({ ok: false, code: "conflict" });
    expect(standIn.created()).toBe(before);
    expect((await db.select().from(payments).where(eq(payments.provider, "paypal"))).filter((row) => row.invoiceId === id || row.invoiceId === paid.id)).toHaveLength(0);
  });

  it("is refused by the stand-in's OAuth with a wrong client secret, and writes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const wrong = createPaypal({ clientId: standIn.clientId, clientSecret: "wrong", apiBase: standIn.url });
    await expect(startPaypalOrder(db, team.student, { invoiceId: id }, { ...options(id), paypal: wrong })).rejects.toThrow();
    expect(await db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(0);
  });
});
