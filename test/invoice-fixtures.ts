import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invoices, type InvoiceStatus } from "@/db/schema";
import { approveInvoice } from "@/lib/invoices/approve-invoice";
import { draftInvoice } from "@/lib/invoices/draft-invoice";
import { recordManualPayment } from "@/lib/invoices/record-manual-payment";
import { submitForApproval } from "@/lib/invoices/submit-for-approval";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { assignmentIn, must, type Team } from "./assignment-fixtures";

/** A YYYY-MM-DD date `days` from today (UTC). */
export function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// 5 × 20.00 + 1 × 15.50 = 115.50
export const DEFAULT_TOTAL_MINOR = 11_550;

export const draftInput = (assignmentId: string, overrides: Record<string, unknown> = {}) => ({
  assignmentId,
  dueDate: dateIn(14),
  notes: "Thank you for your order.",
  items: [
    { description: "Essay, 5 pages", quantity: "5", unitPrice: "20.00" },
    { description: "Rush delivery", quantity: "1", unitPrice: "15.50" },
  ],
  ...overrides,
});

export async function invoiceVersion(db: Database, invoiceId: string): Promise<number> {
  const [row] = await db.select({ version: invoices.version }).from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new Error("fixture: no such invoice");
  return row.version;
}

/** The reference a freshly loaded invoice form would carry. */
export async function invoiceRef(db: Database, invoiceId: string) {
  return { invoiceId, expectedVersion: await invoiceVersion(db, invoiceId) };
}

export async function invoiceRow(db: Database, invoiceId: string) {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new Error("fixture: no such invoice");
  return row;
}

let references = 0;
export const manualPayment = (amount: string, overrides: Record<string, unknown> = {}) => ({
  method: "bank_transfer",
  reference: `BANK-${process.pid}-${++references}-${Date.now()}`,
  amount,
  paidOn: dateIn(0),
  ...overrides,
});

type Target = Extract<InvoiceStatus, "draft" | "pending_approval" | "approved" | "partially_paid" | "paid" | "void">;
const steps: Record<Target, Target[]> = {
  draft: [],
  pending_approval: ["pending_approval"],
  approved: ["pending_approval", "approved"],
  partially_paid: ["pending_approval", "approved", "partially_paid"],
  paid: ["pending_approval", "approved", "paid"],
  void: ["pending_approval", "approved", "void"],
};

/** An invoice on a fresh assignment of the team's student, walked through the real services to `status`. */
export async function invoiceIn(db: Database, team: Team, status: Target, options: { assignmentId?: string; input?: Record<string, unknown> } = {}) {
  const assignmentId = options.assignmentId ?? (await assignmentIn(db, team, "in_progress")).id;
  const { invoiceId } = must(await draftInvoice(db, team.rep, draftInput(assignmentId, options.input)));
  for (const step of steps[status]) {
    const at = await invoiceRef(db, invoiceId);
    if (step === "pending_approval") must(await submitForApproval(db, team.rep, at));
    if (step === "approved") must(await approveInvoice(db, team.admin, at));
    if (step === "partially_paid") must(await recordManualPayment(db, team.admin, { ...at, ...manualPayment("50.00") }));
    if (step === "paid") must(await recordManualPayment(db, team.admin, { ...at, ...manualPayment("115.50") }));
    if (step === "void") must(await voidInvoice(db, team.admin, { ...at, reason: "Issued by mistake" }));
  }
  return { id: invoiceId, assignmentId };
}

/** Moves an issued invoice's due date into the past, as time passing would. */
export async function makeOverdue(db: Database, invoiceId: string, daysAgo = 3): Promise<void> {
  await db.update(invoices).set({ dueDate: dateIn(-daysAgo) }).where(eq(invoices.id, invoiceId));
}
