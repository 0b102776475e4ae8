import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, type InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, type ServiceResult } from "@/lib/errors";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditInvoice, changeInvoice, done, invalidInput, invoiceName, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { parseNested, voidSchema } from "./schemas";

/** An admin voids an issued invoice while nothing is paid on it; it keeps its number. */
export async function voidInvoice(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: InvoiceStatus }>> {
  requirePermission(actor, "invoices:void");
  const parsed = parseNested(voidSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { reason, ...ref } = parsed.data;
  return changeInvoice(db, actor, ref, {
    check: async (invoice, tx) => {
      const planned = allow("void", invoice.status);
      if (!planned.ok) return planned;
      if (invoice.paidMinor > 0) return fail("conflict", "Only an issued invoice with nothing paid can be voided");
      // A checkout the student already started could still succeed; it must settle first.
      const [open] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.invoiceId, invoice.id), inArray(payments.status, ["pending", "succeeded"]))).limit(1);
      if (open) return fail("conflict", "A payment on this invoice is in progress; wait for it to settle before voiding");
      return planned;
    },
    apply: async (tx, invoice, planned) => {
      const saved = await saveInvoice(tx, actor.id, invoice, { steps: planned.steps, set: { voidReason: reason, voidedBy: actor.id, voidedAt: new Date() }, note: reason });
      await auditInvoice(tx, actor, "invoice.voided", invoice, { reason });
      const resolved = await resolveTask(tx, taskKeys.payInvoice(invoice.id));
      const notifications = await notifyEach(tx, [
        [[invoice.studentId], { type: "invoice.voided", title: `Invoice ${invoiceName(invoice)} was cancelled`, body: reason, link: invoiceLinks.student(invoice.id) }],
      ]);
      return done({ version: saved.version, status: saved.status }, [...resolved, ...notifications]);
    },
  });
}
