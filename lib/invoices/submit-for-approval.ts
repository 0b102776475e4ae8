import type { Database } from "@/db/client";
import type { InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, type ServiceResult } from "@/lib/errors";
import { formatMoney } from "@/lib/money/money";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { activeAdminIds, allow, auditInvoice, changeInvoice, done, invalidInput, notifyEach, saveInvoice } from "./change-invoice";
import { invoiceLinks } from "./policy";
import { parseNested, refSchema } from "./schemas";

/** A CS rep (or admin) sends a draft to the admins' approval queue. */
export async function submitForApproval(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: InvoiceStatus }>> {
  requirePermission(actor, "invoices:submit");
  const parsed = parseNested(refSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  return changeInvoice(db, actor, parsed.data, {
    check: (invoice) => {
      const planned = allow("submit", invoice.status);
      if (planned.ok && invoice.totalMinor <= 0) return fail("invalid", "An invoice must total more than zero before it is submitted");
      return planned;
    },
    apply: async (tx, invoice, planned) => {
      const saved = await saveInvoice(tx, actor.id, invoice, { steps: planned.steps, set: { submittedAt: new Date() } });
      await auditInvoice(tx, actor, "invoice.submitted", invoice, { totalMinor: invoice.totalMinor, currency: invoice.currency });
      const resolved = await resolveTask(tx, taskKeys.resubmitInvoice(invoice.id));
      const notifications = await notifyEach(tx, [
        [(await activeAdminIds(tx)).filter((id) => id !== actor.id), {
          type: "invoice.submitted",
          title: `Invoice for ${formatMoney(invoice.totalMinor, invoice.currency)} waits for approval`,
          body: `Submitted by ${actor.name}.`,
          link: invoiceLinks.admin(invoice.id),
          taskKey: taskKeys.approveInvoice(invoice.id),
        }],
      ]);
      return done({ version: saved.version, status: saved.status }, [...resolved, ...notifications]);
    },
  });
}
