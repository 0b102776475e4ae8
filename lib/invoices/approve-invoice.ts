import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import type { InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import type { ServiceResult } from "@/lib/errors";
import { formatMoney } from "@/lib/money/money";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditInvoice, changeInvoice, done, invalidInput, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { parseNested, refSchema } from "./schemas";

/** Draws the next INV-YYYY-NNNNN inside the caller's transaction (migration invoice_numbers). */
async function nextInvoiceNumber(tx: Executor, issuedAt: Date): Promise<string> {
  const result = await tx.execute<{ number: string }>(sql`select next_invoice_number(${issuedAt.toISOString()}::timestamptz) as number`);
  const number = result.rows[0]?.number;
  if (!number) throw new Error("next_invoice_number returned nothing");
  return number;
}

/** An admin approves: the invoice is issued with its number and the student is told. */
export async function approveInvoice(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: InvoiceStatus; number: string }>> {
  requirePermission(actor, "invoices:approve");
  const parsed = parseNested(refSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  return changeInvoice(db, actor, parsed.data, {
    check: (invoice) => allow("approve", invoice.status),
    apply: async (tx, invoice, planned) => {
      const issuedAt = new Date();
      const number = await nextInvoiceNumber(tx, issuedAt);
      const saved = await saveInvoice(tx, actor.id, invoice, { steps: planned.steps, set: { number, issuedAt, approvedBy: actor.id, rejectionReason: null } });
      await auditInvoice(tx, actor, "invoice.approved", saved, { totalMinor: invoice.totalMinor, currency: invoice.currency });
      const resolved = await resolveTask(tx, taskKeys.approveInvoice(invoice.id));
      const notifications = await notifyEach(tx, [
        [[invoice.studentId], {
          type: "invoice.issued",
          title: `Invoice ${number} for ${formatMoney(invoice.totalMinor, invoice.currency)}`,
          data: { dueDate: invoice.dueDate },
          link: invoiceLinks.student(invoice.id),
          taskKey: taskKeys.payInvoice(invoice.id),
        }],
      ]);
      return done({ version: saved.version, status: saved.status, number }, [...resolved, ...notifications]);
    },
  });
}
