import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { payments, refunds, type Invoice, type InvoiceStatus, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { addMinor, formatMoney } from "@/lib/money/money";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { countPayment } from "./apply-payment";
import { applyConfirmedRefund } from "./apply-refund";
import { auditInvoice, changeInvoice, done, invalidInput, saveInvoice } from "./change-invoice";
import { refundTarget, sendRefund, type RefundOptions, type RefundTarget } from "./refund-payment";
import { parseNested, refSchema } from "./schemas";
import { isPayable, statusLabel } from "./state";

/**
 * accept: count it toward the invoice; refund: send it back through the provider (confirmed by
 * its webhook); refunded_at_provider: it was already sent back in the provider's dashboard.
 */
export const disputeResolutions = ["accept", "refund", "refunded_at_provider"] as const;
export type DisputeResolution = (typeof disputeResolutions)[number];

export const resolveDisputeSchema = refSchema.extend({
  paymentId: z.uuid({ error: "Choose a disputed payment" }),
  resolution: z.enum(disputeResolutions, { error: "Choose whether to accept or refund the payment" }),
  reason: z
    .string({ error: "Say why, for the audit log" })
    .trim()
    .min(3, "Say why, for the audit log")
    .max(1000, "Reason must be at most 1000 characters")
    .refine((value) => !/[<>]/.test(value), "Reason cannot contain < or >"),
});

export type ResolvedDispute = {
  resolution: DisputeResolution;
  /** Our payment's status afterwards: succeeded (accepted), disputed (refund waiting for the provider) or refunded. */
  paymentStatus: Payment["status"];
  invoiceStatus: InvoiceStatus;
  version: number;
};

const invalid = (field: string, message: string) => fail("invalid", "Check the highlighted fields", { [field]: [message] });

/**
 * Why a disputed payment cannot be accepted as it is, or null. Accepting never overpays: the
 * invoice's paid amount may not pass its total (a database rule too), and the surplus would be
 * money owed back to the student that nothing here tracks. Such a payment is refunded instead
 * (and the student pays the balance again), so the books stay one invoice, one balance.
 */
export function acceptRefusal(invoice: Pick<Invoice, "status" | "currency" | "totalMinor" | "paidMinor">, payment: Pick<Payment, "amountMinor" | "currency">, refundedMinor: number): string | null {
  if (refundedMinor > 0) return "Part of this payment was refunded already: refund the rest instead";
  if (!isPayable(invoice.status)) return `The invoice is ${statusLabel[invoice.status]} and cannot take a payment: refund it instead`;
  if (payment.currency !== invoice.currency) return `It was paid in ${payment.currency} and the invoice is in ${invoice.currency}: refund it instead`;
  const balance = invoice.totalMinor - invoice.paidMinor;
  if (payment.amountMinor > balance) return `Counting ${formatMoney(payment.amountMinor, payment.currency)} would overpay the balance of ${formatMoney(balance, invoice.currency)}: refund it instead`;
  return null;
}

/** Refunds of a payment that are pending or done, in minor units. */
async function refundsTaken(tx: Executor, paymentId: string): Promise<{ taken: number; done: number }> {
  const [row] = await tx
    .select({
      taken: sql`coalesce(sum(${refunds.amountMinor}), 0)::bigint`.mapWith(Number),
      done: sql`coalesce(sum(${refunds.amountMinor}) filter (where ${refunds.status} = 'succeeded'), 0)::bigint`.mapWith(Number),
    })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ["pending", "succeeded"])));
  return { taken: row?.taken ?? 0, done: row?.done ?? 0 };
}

/**
 * An admin settles a disputed payment (one the rules would not count: another amount or currency
 * than the balance, or an invoice no longer open): accept it as a payment of the invoice, refund
 * it through Stripe or PayPal (pending until the provider's webhook confirms it, as every provider
 * refund), or record that it was refunded at the provider already. One transaction each, audited,
 * on the invoice version the form was loaded with; a second submit finds the payment settled (or
 * its refund under way) and changes nothing.
 */
export async function resolveDispute(db: Database, actor: Actor, input: unknown, options: RefundOptions): Promise<ServiceResult<ResolvedDispute>> {
  requirePermission(actor, "payments:resolve-dispute");
  const parsed = parseNested(resolveDisputeSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { paymentId, resolution, reason, ...ref } = parsed.data;

  const [known] = await db.select().from(payments).where(and(eq(payments.id, paymentId), eq(payments.invoiceId, ref.invoiceId)));
  if (!known) return invalid("paymentId", "Choose a disputed payment of this invoice");
  let target: RefundTarget = { provider: "none" };
  if (resolution === "refund") {
    const found = await refundTarget(known, options, known.status === "disputed");
    if (!found.ok) return found;
    target = found.data;
  }

  const recorded = await changeInvoice<{ payment: Payment; left: number; refunded: number }, ResolvedDispute & { refundId?: string }>(db, actor, ref, {
    check: async (invoice, tx) => {
      const [payment] = await tx.select().from(payments).where(and(eq(payments.id, paymentId), eq(payments.invoiceId, invoice.id))).for("update");
      if (!payment) return invalid("paymentId", "Choose a disputed payment of this invoice");
      if (payment.status !== "disputed") return fail("conflict", `This payment is no longer disputed (it is ${payment.status.replace("_", " ")}). Reload to see the latest.`);
      const { taken, done: refunded } = await refundsTaken(tx, payment.id);
      if (resolution === "accept") {
        const refusal = acceptRefusal(invoice, payment, taken);
        return refusal ? fail("conflict", refusal) : ok({ payment, left: 0, refunded });
      }
      if (resolution === "refund" && payment.provider === "manual") return fail("conflict", "A manual payment is refunded outside the app: choose refunded at the provider");
      const left = payment.amountMinor - taken;
      if (left <= 0) return fail("conflict", "A refund of this payment is already under way");
      return ok({ payment, left, refunded });
    },
    apply: async (tx, invoice, { payment, left, refunded }) => {
      const metadata = { paymentId: payment.id, provider: payment.provider, reference: payment.providerReference, disputeReason: payment.disputeReason, reason };
      if (resolution === "accept") {
        const [stored] = await tx.update(payments).set({ status: "succeeded", reviewReason: null, reviewRequestedAt: null, updatedAt: new Date() }).where(eq(payments.id, payment.id)).returning();
        if (!stored) throw new Error("locked payment vanished");
        const counted = await countPayment(tx, actor, invoice, stored, { action: "payment.dispute_accepted", metadata });
        const resolved = await resolveTask(tx, [taskKeys.settleDispute(payment.id), taskKeys.reviewPayment(payment.id)]);
        return done({ resolution, paymentStatus: stored.status, invoiceStatus: counted.invoice.status, version: counted.invoice.version }, [...resolved, ...counted.notifications]);
      }
      const [refund] = await tx
        .insert(refunds)
        .values({ paymentId: payment.id, invoiceId: invoice.id, provider: payment.provider, amountMinor: left, currency: payment.currency, reason, requestedBy: actor.id })
        .returning();
      if (!refund) throw new Error("refund row was not written");
      if (resolution === "refunded_at_provider") {
        await auditInvoice(tx, actor, "payment.dispute_refunded", invoice, { ...metadata, refundId: refund.id, amountMinor: left, currency: payment.currency, atProvider: true });
        const applied = await applyConfirmedRefund(tx, payment.id, addMinor(refunded, left), actor);
        return done({ resolution, paymentStatus: applied.payment.status, invoiceStatus: applied.invoice.status, version: applied.invoice.version }, applied.notifications);
      }
      // A new version, so the same form cannot ask twice; the provider's webhook counts it.
      const saved = await saveInvoice(tx, actor.id, invoice);
      await auditInvoice(tx, actor, "payment.dispute_refunded", invoice, { ...metadata, refundId: refund.id, amountMinor: left, currency: payment.currency, atProvider: false });
      return done({ resolution, paymentStatus: payment.status, invoiceStatus: saved.status, version: saved.version, refundId: refund.id });
    },
  });
  if (!recorded.ok) return recorded;
  const { refundId, ...resolved } = recorded.data;
  if (resolution === "refund" && refundId) {
    const sent = await sendRefund(db, actor, target, refundId);
    if (!sent.ok) return sent;
  }
  return ok(resolved);
}

export type DisputedPayment = Pick<Payment, "id" | "provider" | "method" | "amountMinor" | "currency" | "paidAt" | "disputeReason"> & {
  /** Refunds of it pending at the provider. */
  refundPendingMinor: number;
  /** Why Accept is not offered, or null. */
  acceptRefusal: string | null;
};

/** For the admin's invoice page: the invoice's disputed payments, with what can be done about each. */
export async function listDisputes(db: Executor, actor: Actor, invoice: Pick<Invoice, "id" | "status" | "currency" | "totalMinor" | "paidMinor">): Promise<DisputedPayment[]> {
  requirePermission(actor, "payments:resolve-dispute");
  const rows = await db.select().from(payments).where(and(eq(payments.invoiceId, invoice.id), eq(payments.status, "disputed"))).orderBy(payments.createdAt, payments.id);
  return Promise.all(
    rows.map(async (payment) => {
      const { taken, done: refunded } = await refundsTaken(db, payment.id);
      return {
        id: payment.id,
        provider: payment.provider,
        method: payment.method,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        paidAt: payment.paidAt,
        disputeReason: payment.disputeReason,
        refundPendingMinor: taken - refunded,
        acceptRefusal: acceptRefusal(invoice, payment, taken),
      };
    }),
  );
}
