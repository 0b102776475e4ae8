import { randomUUID } from "node:crypto";
import { and, desc, eq, gt } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { invoices, payments, type Invoice, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { refuseUnverified } from "@/lib/auth/email-verification";
import { can } from "@/lib/auth/policy";
import { fail, type ServiceResult } from "@/lib/errors";
import { isPayable, staleMessage } from "@/lib/invoices/state";

export type StartPaymentInput = { invoiceId: string; expectedVersion?: number };

/** Which provider an attempt is for, and how long the provider keeps its idempotency keys. */
export type AttemptSpec = {
  provider: "stripe" | "paypal";
  /** An attempt older than this is not reused (the provider's idempotency window). */
  reuseMs: number;
};

export type PaymentAttempt = {
  tx: Transaction;
  invoice: Invoice;
  balanceMinor: number;
  /** Reused while the invoice is unchanged, so the provider's idempotency key repeats. */
  attempt: string;
  /** Records the pending payment for the provider's reference, once per reference. */
  recordPending(providerReference: string): Promise<void>;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => fail("not_found", "Invoice not found");

/**
 * What starting any online payment shares: only the invoice's own student, only while it is
 * payable, at the version the page showed; the invoice row stays locked while `start` calls the
 * provider, so two clicks at once queue up, and a click repeated while the invoice is unchanged
 * reuses the pending attempt.
 */
export async function withPaymentAttempt<T>(
  db: Database,
  actor: Actor,
  input: StartPaymentInput,
  spec: AttemptSpec,
  start: (attempt: PaymentAttempt) => Promise<ServiceResult<T>>,
): Promise<ServiceResult<T>> {
  if (!uuid.test(input.invoiceId)) return notFound();
  if (input.expectedVersion !== undefined && (!Number.isSafeInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    return fail("invalid", "Reload the page and try again", { expectedVersion: ["Reload the page and try again"] });
  }
  if (!can(actor, "invoices:pay-own")) {
    return can(actor, "invoices:view-all") ? fail("forbidden", "Only the student can pay this invoice") : notFound();
  }
  const unverified = await refuseUnverified(db, actor);
  if (unverified) return unverified;
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, input.invoiceId), eq(invoices.studentId, actor.id)))
      .for("update");
    if (!invoice || invoice.status === "draft" || invoice.status === "pending_approval") return notFound();
    const balanceMinor = invoice.totalMinor - invoice.paidMinor;
    if (!isPayable(invoice.status) || balanceMinor <= 0) {
      return fail("conflict", invoice.status === "void" ? "This invoice is void" : "This invoice is not open for payment");
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== invoice.version) return fail("conflict", staleMessage(invoice.status));

    const pending = await tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.invoiceId, invoice.id),
          eq(payments.provider, spec.provider),
          eq(payments.status, "pending"),
          gt(payments.createdAt, new Date(Date.now() - spec.reuseMs)),
        ),
      )
      .orderBy(desc(payments.createdAt));
    const attempt = reusableAttempt(invoice, balanceMinor, pending) ?? randomUUID();
    const recordPending = async (providerReference: string) => {
      if (pending.some((row) => row.providerReference === providerReference)) return;
      await tx.insert(payments).values({
        invoiceId: invoice.id,
        provider: spec.provider,
        providerReference,
        amountMinor: balanceMinor,
        currency: invoice.currency,
        status: "pending",
        attemptId: attempt,
        attemptVersion: invoice.version,
      });
    };
    return start({ tx, invoice, balanceMinor, attempt, recordPending });
  });
}

/** A pending attempt for exactly this invoice state (version, balance, currency). */
function reusableAttempt(invoice: Invoice, balanceMinor: number, pending: readonly Payment[]): string | null {
  for (const row of pending) {
    if (row.attemptId && row.attemptVersion === invoice.version && row.amountMinor === balanceMinor && row.currency === invoice.currency) return row.attemptId;
  }
  return null;
}
