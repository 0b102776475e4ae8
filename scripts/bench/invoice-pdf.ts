/**
 * What the invoice PDF's fonts cost: time of the first render in a process (font files read from
 * disk) and of later ones, and the size of the PDF, for a Latin-only invoice and one with Arabic
 * and Chinese. Run: npx tsx scripts/bench/invoice-pdf.ts
 */
import { renderInvoicePdf, type InvoicePdfDetail } from "@/lib/invoices/invoice-pdf";

function invoiceFor(studentName: string, description: string): InvoicePdfDetail {
  const invoice = { number: "INV-2026-00042", currency: "USD", status: "approved", issuedAt: new Date(), dueDate: "2026-12-14", paidAt: null, totalMinor: 4_000, paidMinor: 0, refundedMinor: 0, balanceMinor: 4_000, notes: `Thank you, ${studentName}.` };
  const items = [{ description, quantity: 1, unitPriceMinor: 4_000, amountMinor: 4_000 }];
  // Only the fields the PDF reads; the rest of the detail does not change its cost.
  return { invoice, assignment: { code: "A-1042", title: description }, studentName, items, payments: [] } as unknown as InvoicePdfDetail;
}

async function time(label: string, detail: InvoicePdfDetail) {
  const start = performance.now();
  const pdf = await renderInvoicePdf(detail);
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(0).padStart(5)} ms  ${(pdf.length / 1024).toFixed(1).padStart(6)} KB`);
}

const latin = invoiceFor("Liam Student", "Essay, 5 pages");
const mixed = invoiceFor("Zoë Łukasiewicz 王芳 محمد علي", "Résumé review — Größe, Ærø, Żółć, 漢字");
await time("Latin, first in process", latin);
await time("Latin, again", latin);
await time("Arabic + Chinese, first in process", mixed);
await time("Arabic + Chinese, again", mixed);
const runs = 20;
const start = performance.now();
for (let i = 0; i < runs; i++) await renderInvoicePdf(mixed);
console.log(`Arabic + Chinese, mean of ${runs}`.padEnd(34), `${((performance.now() - start) / runs).toFixed(0).padStart(5)} ms`);
console.log(`RSS after: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
