import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
import { approveInvoice } from "./approve-invoice";
import { voidInvoice } from "./void-invoice";

const year = new Date().getUTCFullYear();
const PARALLEL = 12;

describe("invoice numbers", () => {
  it("approving many invoices at once gives each its own number, consecutive, never duplicated", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const pending: { id: string }[] = [];
    for (let i = 0; i < PARALLEL; i++) pending.push(await invoiceIn(db, team, "pending_approval"));
    const refs = await Promise.all(pending.map((invoice) => invoiceRef(db, invoice.id)));
    const results = await Promise.all(refs.map((at) => approveInvoice(db, team.admin, at)));
    const numbers = results.map((result) => must(result).number);
    expect(new Set(numbers).size).toBe(PARALLEL);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^INV-${year}-\\d{5}$`));
    expect(numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b)).toEqual(Array.from({ length: PARALLEL }, (_, i) => i + 1));
  });

  it("numbers per year, starting again at 00001 each year", async () => {
    const db = await testDb();
    const draw = async (at: string) => (await db.execute<{ n: string }>(sql`select next_invoice_number(${at}::timestamptz) as n`)).rows[0]?.n;
    expect(await draw("2031-12-31T23:59:59Z")).toBe("INV-2031-00001");
    expect(await draw("2031-06-01T00:00:00Z")).toBe("INV-2031-00002");
    expect(await draw("2032-01-01T00:00:00Z")).toBe("INV-2032-00001");
  });

  it("a void invoice keeps its number, and the database refuses to change or free an issued number", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    must(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Wrong student" }));
    const row = await invoiceRow(db, id);
    expect(row).toMatchObject({ status: "void", number: expect.stringMatching(new RegExp(`^INV-${year}-\\d{5}$`)) });
    const issued = Number(row.number?.slice(-5));
    await expect(db.update(invoices).set({ number: `INV-${year}-00099` }).where(eq(invoices.id, id))).rejects.toThrow();
    await expect(db.update(invoices).set({ number: null, status: "draft" }).where(eq(invoices.id, id))).rejects.toThrow();
    await expect(db.delete(invoices).where(eq(invoices.id, id))).rejects.toThrow();
    const next = await invoiceIn(db, team, "approved");
    expect((await invoiceRow(db, next.id)).number).toBe(`INV-${year}-${String(issued + 1).padStart(5, "0")}`);
  });
});
