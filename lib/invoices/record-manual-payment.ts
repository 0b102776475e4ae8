import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, type InvoiceStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { formatMoney, parseMinor } from "@/lib/money/money";
import { applySucceededPayment } from "./apply-payment";
import { allow, changeInvoice, done, invalidInput } from "./change-invoice";
import { manualPaymentSchema, parseNested } from "./schemas";
import { todayUtc } from "./state";

type Recorded = { paymentId: string; version: number; status: InvoiceStatus; balanceMinor: number };

const invalid = (field: string, message: string) => fail("invalid", "Check the highlighted fields", { [field]: [message] });

/**
 * An admin records a payment received outside the app (bank transfer, cash…). Part payments are
 * allowed and leave the invoice partially paid; more than the balance is refused, not stored.
 */
export async function recordManualPayment(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<Recorded>> {
  requirePermission(actor, "payments:record-manual");
  const parsed = parseNested(manualPaymentSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { method, reference, amount, paidOn, note, ...ref } = parsed.data;
  if (paidOn > todayUtc()) return invalid("paidOn", "The payment date cannot be in the future");
  try {
    return await changeInvoice(db, actor, ref, {
      check: async (invoice, tx) => {
        const planned = allow("pay_partial", invoice.status);
        if (!planned.ok) return planned;
        const amountMinor = parseMinor(amount, invoice.currency);
        if (amountMinor === null || amountMinor <= 0) return invalid("amount", `Enter an amount such as ${invoice.currency === "JPY" ? "1200" : "12.50"}`);
        const balance = invoice.totalMinor - invoice.paidMinor;
        if (amountMinor > balance) return invalid("amount", `The amount is more than the balance of ${formatMoney(balance, invoice.currency)}`);
        const [taken] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.provider, "manual"), eq(payments.providerReference, reference))).limit(1);
        if (taken) return invalid("reference", "A payment with this reference is already recorded");
        return ok({ amountMinor });
      },
      apply: async (tx, invoice, { amountMinor }) => {
        const applied = await applySucceededPayment(
          tx,
          invoice.id,
          { provider: "manual", providerReference: reference, amountMinor, currency: invoice.currency, paidAt: new Date(`${paidOn}T00:00:00Z`), method, note, recordedBy: actor.id },
          actor,
        );
        if (applied.outcome !== "applied") throw new Error(`checked manual payment was ${applied.outcome}`);
        return done({ paymentId: applied.payment.id, version: applied.invoice.version, status: applied.invoice.status, balanceMinor: applied.balanceMinor }, applied.notifications);
      },
    });
  } catch (error) {
    // Two admins typing the same reference at once: the unique index decides.
    if ((error as { code?: string; cause?: { code?: string } }).code === "23505" || (error as { cause?: { code?: string } }).cause?.code === "23505") {
      return invalid("reference", "A payment with this reference is already recorded");
    }
    throw error;
  }
}
