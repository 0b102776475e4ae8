import { describe, expect, it } from "vitest";
import { createTeam, must } from "@/test/assignment-fixtures";
import { createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { invoiceIn } from "@/test/invoice-fixtures";
import { pdfText } from "@/test/pdf-text";
import { invoicePdfForActor, renderInvoicePdf } from "./invoice-pdf";
import { getInvoiceDetail } from "./queries";

describe("the invoice PDF", () => {
  it("renders number, student, items, totals and payments", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "partially_paid");
    const detail = await getInvoiceDetail(db, team.student, id);
    const pdf = await renderInvoicePdf(detail);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    const text = await pdfText(pdf);
    expect(text).toContain(`Invoice ${detail.invoice.number ?? "missing"}`);
    expect(text).toContain("Liam Student");
    expect(text).toContain("Essay, 5 pages");
    expect(text).toContain("$115.50");
    expect(text).toContain("$65.50");
    expect(text).toContain("$50.00");
    expect(text).toContain(`receipt ${detail.payments[0]?.receipt ?? "missing"}`);
    expect(text).toContain("Thank you for your order.");
  });

  it("prints students' names and line items in Polish, Arabic and Chinese as written", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const description = "Résumé review — Größe, Ærø, Żółć, 漢字";
    for (const name of ["Zoë Łukasiewicz", "王芳", "محمد علي"]) {
      const student = { ...team, student: await createStudent(db, name) };
      const { id } = await invoiceIn(db, student, "approved", { input: { items: [{ description, quantity: "1", unitPrice: "40.00" }], notes: `Merci ${name} — 谢谢` } });
      const text = await pdfText(await renderInvoicePdf(await getInvoiceDetail(db, student.student, id)));
      const lines = text.split("\n");
      expect(lines).toContain(name);
      expect(lines).toContain(`Merci ${name} — 谢谢`);
      expect(text).toContain(description);
      // What the built-in Helvetica used to print for "Zoë Łukasiewicz 王芳".
      expect(text).not.toMatch(/V¶6|s‹‚³/);
    }
  });

  it("embeds only the glyphs it uses: a Latin invoice carries no Chinese font and stays small", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const latin = await renderInvoicePdf(await getInvoiceDetail(db, team.student, (await invoiceIn(db, team, "paid")).id));
    const chinese = { ...team, student: await createStudent(db, "王芳") };
    const cjk = await renderInvoicePdf(await getInvoiceDetail(db, chinese.student, (await invoiceIn(db, chinese, "paid")).id));
    for (const pdf of [latin, cjk]) {
      const raw = pdf.toString("latin1");
      expect(raw).toContain("/FontFile2");
      // A six-letter tag before the name marks a subset (PDF 32000 9.6.4).
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
      expect(raw).not.toContain("Helvetica");
      expect(pdf.length).toBeLessThan(300_000);
    }
    expect(latin.toString("latin1")).not.toContain("NotoSansSC");
    expect(cjk.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
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
