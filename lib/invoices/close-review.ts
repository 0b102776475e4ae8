import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { auditInvoice, changeInvoice, done, invalidInput, saveInvoice } from "./change-invoice";
import { parseNested, refSchema } from "./schemas";

export const closeReviewSchema = refSchema.extend({
  paymentId: z.uuid({ error: "Choose a payment to close" }),
  reason: z
    .string({ error: "Say what was done, for the audit log" })
    .trim()
    .min(3, "Say what was done, for the audit log")
    .max(1000, "Reason must be at most 1000 characters")
    .refine((value) => !/[<>]/.test(value), "Reason cannot contain < or >"),
});

/**
 * An admin closes a payment's review flag (a provider event the rules could not apply, see
 * lib/payments/flag-for-review.ts) once it was dealt with outside these rules: the flag goes, what
 * it said and what was done stay in the audit log. On the version the page showed; a second
 * submit finds nothing to close.
 */
export async function closeReview(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number }>> {
  requirePermission(actor, "payments:resolve-dispute");
  const parsed = parseNested(closeReviewSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { paymentId, reason, ...ref } = parsed.data;
  return changeInvoice(db, actor, ref, {
    check: async (invoice, tx) => {
      const [payment] = await tx.select().from(payments).where(and(eq(payments.id, paymentId), eq(payments.invoiceId, invoice.id), isNotNull(payments.reviewReason))).for("update");
      return payment ? ok(payment) : fail("conflict", "This payment has nothing left to review. Reload to see the latest.");
    },
    apply: async (tx, invoice, payment) => {
      await tx.update(payments).set({ reviewReason: null, reviewRequestedAt: null, updatedAt: new Date() }).where(eq(payments.id, payment.id));
      const saved = await saveInvoice(tx, actor.id, invoice);
      await auditInvoice(tx, actor, "payment.review_closed", invoice, { paymentId: payment.id, flagged: payment.reviewReason, reason });
      return done({ version: saved.version }, await resolveTask(tx, taskKeys.reviewPayment(payment.id)));
    },
  });
}
