import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices, payments, type Notification } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { activeAdminIds, auditInvoice, invoiceName, notifyEach } from "@/lib/invoices/change-invoice";
import { invoiceLinks } from "@/lib/invoices/policy";
import { taskKeys } from "@/lib/notifications/task-keys";

export type ProviderEvent = { provider: "stripe" | "paypal"; id: string; type: string };

const providerName = { stripe: "Stripe", paypal: "PayPal" } as const;

/**
 * A provider event the app could not apply is kept for staff, as a disputed payment is: the payment
 * it concerns (when known) shows the reason until an admin settles it, the event is audited, and
 * every active admin is told. Runs in the transaction that records the event in the ledger.
 */
export async function flagForReview(tx: Executor, event: ProviderEvent, reason: string, paymentId: string | null): Promise<Notification[]> {
  const [payment] = paymentId
    ? await tx.update(payments).set({ reviewReason: reason, reviewRequestedAt: new Date(), updatedAt: new Date() }).where(eq(payments.id, paymentId)).returning()
    : [];
  const [invoice] = payment ? await tx.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.id, payment.invoiceId)) : [];
  const metadata = { provider: event.provider, eventId: event.id, type: event.type, reason };
  if (invoice && payment) await auditInvoice(tx, null, "payment.review_requested", invoice, { ...metadata, paymentId: payment.id });
  else await recordAudit(tx, null, { action: "webhook.not_applied", targetType: "webhook_event", targetId: `${event.provider}:${event.id}`, metadata });
  return notifyEach(tx, [
    [
      await activeAdminIds(tx),
      {
        type: "payment.review_requested",
        title: invoice ? `A ${providerName[event.provider]} event on ${invoiceName(invoice)} needs review` : `A ${providerName[event.provider]} event needs review`,
        body: `${reason} (${event.type} ${event.id})`,
        link: invoice ? invoiceLinks.admin(invoice.id) : "/admin/payments",
        taskKey: payment ? taskKeys.reviewPayment(payment.id) : undefined,
      },
    ],
  ]);
}
