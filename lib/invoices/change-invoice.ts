import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor, Transaction } from "@/db/client";
import { invoiceEvents, invoices, users, type Invoice, type Notification } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type FieldErrors, type ServiceResult } from "@/lib/errors";
import { notify, type NotificationInput } from "@/lib/notifications/notify";
import { publishNotifications } from "@/lib/notifications/publish";
import { publishDashboardChange } from "@/lib/dashboards/publish";
import { invoiceScope } from "./policy";
import type { InvoiceRef } from "./schemas";
import { plan, staleMessage, type Move, type Step } from "./state";

export type Done<T> = { ok: true; data: T; notifications: Notification[] };
type Refusal = Extract<ServiceResult<never>, { ok: false }>;

type Change<P, T> = {
  /** Decides, without writing, whether the move is allowed now. */
  check: (invoice: Invoice, tx: Transaction) => ServiceResult<P> | Promise<ServiceResult<P>>;
  apply: (tx: Transaction, invoice: Invoice, checked: P) => Promise<Done<T>>;
};

export class Refused extends Error {
  constructor(readonly result: Refusal) {
    super(result.message);
  }
}

export const notFound = (): Refusal => ({ ok: false, code: "not_found", message: "Invoice not found", fieldErrors: {} });

/** A malformed id is answered like a missing one; other fields keep their own messages. */
export function invalidInput(fieldErrors: FieldErrors): ServiceResult<never> {
  if (fieldErrors.invoiceId) return notFound();
  if (fieldErrors.expectedVersion) return fail("invalid", "Reload the page and try again", fieldErrors);
  return fail("invalid", "Check the highlighted fields", fieldErrors);
}

/** Locks the invoice (FOR UPDATE) through the actor's scope, so concurrent moves queue up and a foreign id is not found. */
export async function lockInvoice(tx: Executor, actor: Actor | null, invoiceId: string): Promise<Invoice | undefined> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), actor ? invoiceScope(actor) : undefined))
    .for("update");
  return row;
}

/**
 * The one path every change to an existing invoice takes, as changeAssignment does for
 * assignments: lock, check legality (so an illegal move says why), then the version (a legal move
 * on a stale form is refused), then apply; a refusal rolls back; notifications publish after commit.
 */
export async function changeInvoice<P, T>(db: Database, actor: Actor, ref: InvoiceRef, change: Change<P, T>): Promise<ServiceResult<T>> {
  let outcome: Done<T>;
  try {
    outcome = await db.transaction(async (tx) => {
      const invoice = await lockInvoice(tx, actor, ref.invoiceId);
      if (!invoice) throw new Refused(notFound());
      const checked = await change.check(invoice, tx);
      if (!checked.ok) throw new Refused(checked);
      if (invoice.version !== ref.expectedVersion) throw new Refused({ ok: false, code: "conflict", message: staleMessage(invoice.status), fieldErrors: {} });
      return change.apply(tx, invoice, checked.data);
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  await publishNotifications(outcome.notifications);
  await publishDashboardChange("invoices");
  return ok(outcome.data);
}

export function allow(move: Move, status: Invoice["status"]): ServiceResult<{ steps: Step[]; status: Invoice["status"] }> {
  const planned = plan(move, status);
  return planned.ok ? ok({ steps: planned.steps, status: planned.status }) : fail("conflict", planned.message);
}

export function done<T>(data: T, notifications: Notification[] = []): Done<T> {
  return { ok: true, data, notifications };
}

export type Saved = { version: number; status: Invoice["status"] };

/** Writes the change with a new version, and one timeline row per status step. */
export async function saveInvoice(
  tx: Executor,
  actorId: string | null,
  invoice: Invoice,
  change: { steps?: Step[]; set?: Partial<typeof invoices.$inferInsert>; note?: string | null } = {},
): Promise<Invoice> {
  const steps = change.steps ?? [];
  const status = steps.at(-1)?.to ?? invoice.status;
  const [row] = await tx
    .update(invoices)
    .set({ ...change.set, status, version: sql`${invoices.version} + 1`, updatedAt: new Date() })
    .where(eq(invoices.id, invoice.id))
    .returning();
  if (!row) throw new Error("locked invoice vanished");
  if (steps.length > 0) {
    await tx.insert(invoiceEvents).values(steps.map((step) => ({ invoiceId: invoice.id, fromStatus: step.from, toStatus: step.to, actorId, note: change.note ?? null })));
  }
  return row;
}

export function auditInvoice(tx: Executor, actor: Pick<Actor, "id" | "ip"> | null, action: string, invoice: Pick<Invoice, "id" | "number">, metadata: Record<string, unknown> = {}) {
  return recordAudit(tx, actor, { action, targetType: "invoice", targetId: invoice.id, metadata: { number: invoice.number, ...metadata } });
}

export async function notifyEach(tx: Executor, batches: [readonly string[], NotificationInput][]): Promise<Notification[]> {
  const rows: Notification[] = [];
  for (const [userIds, input] of batches) rows.push(...(await notify(tx, userIds, input)));
  return rows;
}

export async function activeAdminIds(tx: Executor): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.status, "active")));
  return rows.map((row) => row.id);
}

/** How an invoice is named in messages before and after it has a number. */
export const invoiceName = (invoice: Pick<Invoice, "number">) => invoice.number ?? "Draft invoice";
