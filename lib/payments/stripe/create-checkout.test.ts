import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/db/schema";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn, invoiceRow } from "@/test/invoice-fixtures";
import { startStripeStandIn, type StripeStandIn } from "@/test/standins/stripe-server";
import { createStripeClient } from "./client";
import { startStripeCheckout } from "./create-checkout";

// The real stripe SDK against our stand-in for Stripe's API (unreachable from here).
let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());

const urls = (id: string) => ({ successUrl: `http://app.test/student/invoices/${id}?checkout=success`, cancelUrl: `http://app.test/student/invoices/${id}?checkout=cancelled` });
const options = (id: string) => ({ stripe: createStripeClient(standIn.secretKey, standIn.url), ...urls(id) });

describe("starting a Stripe Checkout for an invoice", () => {
  it("creates one pending payment and a session for the balance, in the invoice currency, with the invoice in its metadata", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "partially_paid");
    const invoice = await invoiceRow(db, id);
    const { url } = must(await startStripeCheckout(db, team.student, { invoiceId: id, expectedVersion: invoice.version }, options(id)));

    const session = [...standIn.sessions.values()].find((s) => s.url === url);
    expect(session).toMatchObject({ amount_total: 6550, currency: "usd", client_reference_id: id, metadata: { invoice_id: id }, status: "open", payment_status: "unpaid" });
    expect(session?.line_items_names).toEqual([`Invoice ${invoice.number}`]);
    expect(session?.success_url).toBe(urls(id).successUrl);
    const rows = await db.select().from(payments).where(eq(payments.provider, "stripe"));
    const pending = rows.filter((row) => row.invoiceId === id);
    expect(pending).toMatchObject([{ providerReference: session?.id, status: "pending", amountMinor: 6550, currency: "USD" }]);
    // The attempt has its own columns; the note is left for an admin.
    expect(pending[0]).toMatchObject({ attemptVersion: invoice.version, note: null });
    expect(pending[0]?.attemptId).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing is paid by starting a checkout.
    expect(await invoiceRow(db, id)).toEqual(invoice);
  });

  it("answers a repeated click with the same session through the same idempotency key, without a second pending payment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const before = standIn.created();
    const first = must(await startStripeCheckout(db, team.student, { invoiceId: id }, options(id)));
    const again = must(await startStripeCheckout(db, team.student, { invoiceId: id }, options(id)));
    const both = await Promise.all([startStripeCheckout(db, team.student, { invoiceId: id }, options(id)), startStripeCheckout(db, team.student, { invoiceId: id }, options(id))]);
    expect(again.url).toBe(first.url);
    expect(both.map((r) => must(r).url)).toEqual([first.url, first.url]);
    expect(standIn.created() - before).toBe(1);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(1);
  });

  it("refuses another student's invoice as not found, staff as forbidden, and an invoice that is not open for payment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStudent(db, "Olga Other");
    const { id } = await invoiceIn(db, team, "approved");
    expect(await startStripeCheckout(db, other, { invoiceId: id }, options(id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await startStripeCheckout(db, team.student, { invoiceId: "not-a-uuid" }, options(id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await startStripeCheckout(db, team.admin, { invoiceId: id }, options(id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await startStripeCheckout(db, team.student, { invoiceId: id, expectedVersion: 1 }, options(id))).toMatchObject({ ok: false, code: "conflict" });
    const paid = await invoiceIn(db, team, "paid");
    expect(await startStripeCheckout(db, team.student, { invoiceId: paid.id }, options(paid.id))).toMatchObject({ ok: false, code: "conflict" });
    const draft = await invoiceIn(db, team, "draft");
    expect(await startStripeCheckout(db, team.student, { invoiceId: draft.id }, options(draft.id))).toMatchObject({ ok: false, code: "not_found" });
    const mine = new Set([id, paid.id, draft.id]);
    expect((await db.select().from(payments).where(eq(payments.provider, "stripe"))).filter((row) => mine.has(row.invoiceId))).toHaveLength(0);
  });

  it("is refused by the stand-in with a wrong secret key, and writes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const stripe = createStripeClient("sk_test_wrong", standIn.url);
    await expect(startStripeCheckout(db, team.student, { invoiceId: id }, { stripe, ...urls(id) })).rejects.toMatchObject({ type: "StripeAuthenticationError" });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(0);
  });
});
