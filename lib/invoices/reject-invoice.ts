import type { Database } from "@/db/client";
import type { InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import type { ServiceResult } from "@/lib/errors";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditInvoice, changeInvoice, done, invalidInput, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { parseNested, rejectSchema } from "./schemas";

/** An admin sends an invoice back to draft with a reason; the CS rep who drafted it is told. */
export async function rejectInvoice(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: InvoiceStatus }>> {
  requirePermission(actor, "invoices:reject");
  const parsed = parseNested(rejectSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { reason, ...ref } = parsed.data;
  return changeInvoice(db, actor, ref, {
    check: (invoice) => allow("reject", invoice.status),
    apply: async (tx, invoice, planned) => {
      const saved = await saveInvoice(tx, actor.id, invoice, { steps: planned.steps, set: { rejectionReason: reason, submittedAt: null }, note: reason });
      await auditInvoice(tx, actor, "invoice.rejected", invoice, { reason });
      const resolved = await resolveTask(tx, taskKeys.approveInvoice(invoice.id));
      const notifications = await notifyEach(tx, [
        [invoice.draftedBy && invoice.draftedBy !== actor.id ? [invoice.draftedBy] : [], { type: "invoice.rejected", title: "An invoice you drafted was sent back", body: reason, link: invoiceLinks.support(invoice.id), taskKey: taskKeys.resubmitInvoice(invoice.id) }],
      ]);
      return done({ version: saved.version, status: saved.status }, [...resolved, ...notifications]);
    },
  });
}
