import { describe, expect, it } from "vitest";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn } from "@/test/invoice-fixtures";
import { invoicePdfForActor, renderInvoicePdf } from "./invoice-pdf";
import { getInvoiceDetail } from "./queries";

describe("the invoice PDF", () => {
  it("renders number, student, items, totals and payments", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "partially_paid");
    const detail = await getInvoiceDetail(db, team.student, id);
    const pdf = await renderInvoicePdf(detail, { compress: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    // Uncompressed, pdfkit writes each run of text as a hex string of the font's glyph codes.
    const text = [...pdf.toString("latin1").matchAll(/<([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1] ?? "", "hex").toString("latin1")).join("");
    expect(text).toContain(detail.invoice.number ?? "missing");
    expect(text).toContain("Essay, 5 pages");
    expect(text).toContain("$115.50");
    expect(text).toContain("$65.50");
    expect(text).toContain("$50.00");
    const compressed = await renderInvoicePdf(detail);
    expect(compressed.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("is given to the invoice's student and staff, not to another student, nor before it is issued", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createTeam(db);
    const { id } = await invoiceIn(db, team, "paid");
    const number = (await getInvoiceDetail(db, team.admin, id)).invoice.number;
    for (const actor of [team.student, team.admin, team.rep]) {
      const pdf = must(await invoicePdfForActor(db, actor, id));
      expect(pdf.filename).toBe(`${number}.pdf`);
      expect(pdf.filename).toMatch(/^INV-\d{4}-\d{5,}\.pdf$/);
      expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    expect(await invoicePdfForActor(db, other.student, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await invoicePdfForActor(db, team.teacher, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await invoicePdfForActor(db, team.student, "not-a-uuid")).toMatchObject({ ok: false, code: "not_found" });
    const draft = await invoiceIn(db, team, "draft");
    const pending = await invoiceIn(db, team, "pending_approval");
    for (const invoiceId of [draft.id, pending.id]) {
      expect(await invoicePdfForActor(db, team.admin, invoiceId)).toMatchObject({ ok: false, code: "not_found" });
      expect(await invoicePdfForActor(db, team.student, invoiceId)).toMatchObject({ ok: false, code: "not_found" });
    }
  });
});
