import { dateTimeFormat } from "@/lib/intl/formatters";
import PDFDocument from "pdfkit";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError, fail, ok, type ServiceResult } from "@/lib/errors";
import { formatMoney } from "@/lib/money/money";
import { paymentStatusLabelFor } from "@/lib/payments/status-labels";
import { heightOfText, LABEL_FONT, registerInvoiceFonts, writeText } from "./pdf-fonts";
import { getInvoiceDetail } from "./queries";
import { statusLabel } from "./state";

export type InvoicePdfDetail = Awaited<ReturnType<typeof getInvoiceDetail>>;

const providerLabel: Record<string, string> = { stripe: "Card (Stripe)", paypal: "PayPal", manual: "Manual" };

const day = (value: Date | string | null | undefined): string => {
  if (!value) return "—";
  const at = typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  return Number.isNaN(at.getTime()) ? String(value) : dateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium" }).format(at);
};

/**
 * The invoice as a PDF (A4): number, dates, student, items, totals, payments and balance. Labels are
 * in Noto Sans; every text that comes from people (names, titles, descriptions, references, notes)
 * goes through `writeText`, which picks a font per character (Latin, Arabic, Chinese) and puts
 * right-to-left text in reading order. `compress: false` keeps the content streams readable (tests).
 */
export function renderInvoicePdf(detail: InvoicePdfDetail, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { invoice } = detail;
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    compress: options.compress ?? true,
    // No default font: pdfkit would load Helvetica, which is never used here.
    font: "",
    info: { Title: `Invoice ${invoice.number ?? ""}`.trim(), Subject: detail.assignment ? `${detail.assignment.code} · ${detail.assignment.title}` : "Invoice", CreationDate: new Date() },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  registerInvoiceFonts(doc);

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const columns = { description: left, quantity: left + width * 0.55, unit: left + width * 0.67, amount: left + width * 0.83 };
  const colWidth = { description: width * 0.53, quantity: width * 0.1, unit: width * 0.15, amount: width * 0.17 };
  const ensureRoom = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const rule = () => {
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor("#cbd5e1").stroke();
    doc.moveDown(0.3);
  };

  doc.font(LABEL_FONT.bold).fontSize(20).fillColor("#0f172a").text(`Invoice ${invoice.number ?? "(draft)"}`, left);
  doc.moveDown(0.3);
  doc.font(LABEL_FONT.regular).fontSize(10).fillColor("#334155");
  doc.text(`Status: ${statusLabel[invoice.status]}`);
  doc.text(`Issued: ${day(invoice.issuedAt)}`);
  doc.text(`Due: ${day(invoice.dueDate)}`);
  if (invoice.paidAt) doc.text(`Paid: ${day(invoice.paidAt)}`);
  doc.moveDown(0.6);
  doc.font(LABEL_FONT.bold).text("Billed to");
  writeText(doc, detail.studentName ?? "—", { x: left, width });
  if (detail.assignment) writeText(doc, `For ${detail.assignment.code} · ${detail.assignment.title}`, { x: left, width });
  doc.moveDown(1);

  const row = (cells: { description: string; quantity: string; unit: string; amount: string }, bold = false) => {
    const weight = bold ? "bold" : "regular";
    doc.font(LABEL_FONT[weight]).fontSize(10).fillColor("#0f172a");
    const box = { x: columns.description, width: colWidth.description, weight } as const;
    ensureRoom(Math.max(heightOfText(doc, cells.description, box), doc.currentLineHeight()) + 4);
    const y = doc.y;
    writeText(doc, cells.description, { ...box, y });
    const bottom = Math.max(doc.y, y + doc.currentLineHeight());
    doc.text(cells.quantity, columns.quantity, y, { width: colWidth.quantity, align: "right" });
    doc.text(cells.unit, columns.unit, y, { width: colWidth.unit, align: "right" });
    doc.text(cells.amount, columns.amount, y, { width: colWidth.amount, align: "right" });
    doc.x = left;
    doc.y = bottom + 4;
  };
  row({ description: "Description", quantity: "Qty", unit: "Unit price", amount: "Amount" }, true);
  rule();
  for (const item of detail.items) row({ description: item.description, quantity: String(item.quantity), unit: money(item.unitPriceMinor), amount: money(item.amountMinor) });
  rule();

  const total = (label: string, value: string, bold = false) => {
    ensureRoom(16);
    const y = doc.y;
    doc.font(bold ? LABEL_FONT.bold : LABEL_FONT.regular).fontSize(10).fillColor("#0f172a");
    doc.text(label, columns.unit - width * 0.1, y, { width: colWidth.unit + width * 0.1, align: "right" });
    doc.text(value, columns.amount, y, { width: colWidth.amount, align: "right" });
    doc.x = left;
    doc.y = y + doc.currentLineHeight() + 3;
  };
  total("Total", money(invoice.totalMinor), true);
  total("Paid", money(invoice.paidMinor));
  if (invoice.refundedMinor > 0) total("Refunded", money(invoice.refundedMinor));
  total("Balance due", money(invoice.status === "void" ? 0 : invoice.balanceMinor), true);
  doc.moveDown(1);

  const shown = detail.payments.filter((payment) => payment.status !== "pending" && payment.status !== "cancelled");
  doc.font(LABEL_FONT.bold).fontSize(12).fillColor("#0f172a").text("Payments", left);
  doc.moveDown(0.3);
  doc.font(LABEL_FONT.regular).fontSize(10).fillColor("#334155");
  if (shown.length === 0) doc.text("No payments yet.");
  for (const payment of shown) {
    ensureRoom(16);
    // The PDF is the student's document, in the student's words: the receipt reference is what they
    // may quote, provider ids stay on the staff pages, and a disputed payment is "Under review".
    const parts = [day(payment.paidAt ?? payment.createdAt), providerLabel[payment.provider] ?? payment.provider, `receipt ${payment.receipt}`, formatMoney(payment.amountMinor, payment.currency), paymentStatusLabelFor(payment.status, "student")];
    writeText(doc, parts.join("  ·  "), { x: left, width });
  }
  if (invoice.status === "void") {
    doc.moveDown(1);
    doc.font(LABEL_FONT.bold).fillColor("#b91c1c").text("This invoice is void.", left);
  }
  if (invoice.notes) {
    doc.moveDown(1);
    doc.font(LABEL_FONT.bold).fontSize(10).fillColor("#0f172a").text("Notes", left);
    doc.fillColor("#334155");
    writeText(doc, invoice.notes, { x: left, width });
  }
  doc.end();
  return done;
}

export type InvoicePdf = { filename: string; body: Buffer };

/**
 * The PDF of one invoice the actor may see (a student their own; staff all), once it is issued:
 * a draft, one waiting for approval, another student's or a malformed id is not found.
 */
export async function invoicePdfForActor(db: Executor, actor: Actor, invoiceId: string, options: { compress?: boolean } = {}): Promise<ServiceResult<InvoicePdf>> {
  let detail: InvoicePdfDetail;
  try {
    detail = await getInvoiceDetail(db, actor, invoiceId);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return fail("not_found", "Invoice not found");
    throw error;
  }
  const number = detail.invoice.number;
  if (!number || detail.invoice.status === "draft" || detail.invoice.status === "pending_approval") return fail("not_found", "Invoice not found");
  return ok({ filename: `${number}.pdf`, body: await renderInvoicePdf(detail, options) });
}
