import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { invoiceItems, invoices, payments } from "@/db/schema";
import { listApprovalQueue, listInvoicesForActor } from "@/lib/invoices/queries";
import { todayUtc } from "@/lib/invoices/state";
import { listDisputes } from "@/lib/invoices/resolve-dispute";
import { listInvoicesToPay } from "@/lib/invoices/student-queries";
import { listPaymentHistory } from "@/lib/payments/history";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { seedDemoData } from "./seed-demo";
import { loadPeople } from "./seed-demo-assignments";
import { demoInvoices, seedDemoInvoices } from "./seed-demo-invoices";

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

// Its own file: the demo seed only runs into an empty database.
it("seeds demo invoices from draft to paid whose totals are their items and whose balances are their payments, once", async () => {
  const db = await testDb();
  await seedDemoData(db, { storageRoot: testFileStore().root });

  const seeded = await db.select().from(invoices);
  expect(seeded.map((invoice) => invoice.status).sort()).toEqual(["approved", "draft", "paid", "partially_paid", "pending_approval"]);
  for (const invoice of seeded) {
    const items = await db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, invoice.id));
    const paid = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(items.length).toBeGreaterThan(0);
    expect(invoice.totalMinor).toBe(sum(items.map((item) => item.quantity * item.unitPriceMinor)));
    expect(invoice.paidMinor).toBe(sum(paid.filter((payment) => payment.status === "succeeded").map((payment) => payment.amountMinor)));
    expect(invoice.dueDate >= todayUtc()).toBe(true);
    // Only issued invoices carry a number.
    expect(invoice.number === null).toBe(invoice.status === "draft" || invoice.status === "pending_approval");
  }
  const byStatus = (status: string) => seeded.find((invoice) => invoice.status === status);
  expect(byStatus("approved")?.paidMinor).toBe(0);
  const partial = byStatus("partially_paid");
  expect(partial && partial.paidMinor > 0 && partial.paidMinor < partial.totalMinor).toBe(true);
  expect(byStatus("paid")?.paidMinor).toBe(byStatus("paid")?.totalMinor);
  expect(seeded.reduce((n, invoice) => n + invoice.totalMinor, 0)).toBe(sum(demoInvoices.flatMap((demo) => demo.items.map((item) => item.quantity * item.unitPriceMinor))));

  // What the demo accounts see on a fresh install.
  const people = await loadPeople(db);
  if (!people) throw new Error("demo accounts missing");
  const { liam, amara, diego } = people;
  const own = await listInvoicesForActor(db, liam, { page: 1, overdue: false });
  expect(own.items.map((invoice) => invoice.status).sort()).toEqual(["approved", "paid"]);
  const toPay = await listInvoicesToPay(db, liam);
  expect(toPay).toHaveLength(1);
  expect(toPay[0]?.overdue).toBe(false);
  // The paid invoice's bank transfer, and a card payment of the wrong amount held for an admin.
  expect((await listPaymentHistory(db, liam)).items.map((payment) => payment.status).sort()).toEqual(["disputed", "succeeded"]);
  const disputes = await listDisputes(db, amara, (await listInvoicesToPay(db, liam))[0] ?? { id: "", status: "approved", currency: "USD", totalMinor: 0, paidMinor: 0 });
  expect(disputes).toMatchObject([{ amountMinor: 2_500, acceptRefusal: null }]);
  expect((await listInvoicesForActor(db, diego, { page: 1, overdue: false })).total).toBe(5);
  expect((await listApprovalQueue(db, amara)).total).toBe(1);

  expect(await seedDemoInvoices(db)).toEqual({ created: 0 });
  expect(await db.select().from(invoices)).toHaveLength(5);
});
