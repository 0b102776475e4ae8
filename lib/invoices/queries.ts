import { and, asc, count, desc, eq, gte, inArray, lt, notInArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, invoiceEvents, invoiceItems, invoices, invoiceTotals, payments, profiles, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { invoiceLineColumns } from "./columns";
import { invoiceScope } from "./policy";
import { receiptReference } from "./receipt";
import { idSchema, INVOICES_MAX_PAGE, INVOICES_PAGE_SIZE, type InvoiceListQuery, type InvoiceSortColumn } from "./schemas";
import { isOverdue, todayUtc } from "./state";

function requireInvoiceReader(actor: Actor): void {
  if (!can(actor, "invoices:view-all") && !can(actor, "invoices:view-own")) throw new AppError("forbidden", "You do not have access to this");
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** Issued and not yet fully paid: what a student still owes. */
export const unpaidCondition = () => and(inArray(invoices.status, ["approved", "partially_paid"]), sql`${invoices.paidMinor} < ${invoices.totalMinor}`);

/** Open, with a balance, past its due date: the same rule as isOverdue, for SQL filters. */
const overdueCondition = (today: string) =>
  and(inArray(invoices.status, ["approved", "partially_paid"]), lt(invoices.dueDate, today), sql`${invoices.paidMinor} < ${invoices.totalMinor}`);

function withComputed<T extends Pick<Invoice, "status" | "dueDate" | "totalMinor" | "paidMinor">>(row: T, today: string) {
  return { ...row, balanceMinor: row.totalMinor - row.paidMinor, overdue: isOverdue(row, today) };
}

const summary = {
  ...invoiceLineColumns,
  createdAt: invoices.createdAt,
  issuedAt: invoices.issuedAt,
  submittedAt: invoices.submittedAt,
  version: invoices.version,
  studentId: invoices.studentId,
  studentName: profiles.fullName,
  assignmentId: invoices.assignmentId,
  assignmentCode: assignments.code,
  assignmentTitle: assignments.title,
};

const sumOf = (expression: SQL, filter?: SQL) =>
  (filter ? sql`coalesce(sum(${expression}) filter (where ${filter}), 0)::bigint` : sql`coalesce(sum(${expression}), 0)::bigint`).mapWith(Number);

// Status sorts in the invoice's lifecycle order (the enum's), from draft to void. Totals compare
// minor units, so mixed currencies sort by amount only.
const sortColumn: Record<InvoiceSortColumn, SQL> = {
  created: sql`${invoices.createdAt}`,
  due: sql`${invoices.dueDate}`,
  total: sql`${invoices.totalMinor}`,
  status: sql`${invoices.status}`,
};

/** Newest first unless a column is chosen; the id breaks ties so offset pages never repeat or skip a row. */
function listOrder(query: Pick<InvoiceListQuery, "sort" | "dir">): SQL[] {
  if (!query.sort) return [desc(invoices.createdAt), desc(invoices.id)];
  const descending = query.dir === "desc";
  return [sql`${sortColumn[query.sort]} ${descending ? sql`desc` : sql`asc`}`, descending ? desc(invoices.id) : asc(invoices.id)];
}

type CurrencyTotals = { currency: string; count: number; invoicedMinor: number; paidMinor: number; outstandingMinor: number; overdueMinor: number };

// Void invoices are listed but not counted as money owed or invoiced.
function matchedTotals(db: Executor, where: SQL | undefined, today: string): Promise<CurrencyTotals[]> {
  return db
    .select({
      currency: invoices.currency,
      count: count(),
      invoicedMinor: sumOf(sql`${invoices.totalMinor}`, sql`${invoices.status} <> 'void'`),
      paidMinor: sumOf(sql`${invoices.paidMinor}`),
      outstandingMinor: sumOf(sql`${invoices.totalMinor} - ${invoices.paidMinor}`, sql`${invoices.status} in ('approved', 'partially_paid')`),
      overdueMinor: sumOf(sql`${invoices.totalMinor} - ${invoices.paidMinor}`, overdueCondition(today)),
    })
    .from(invoices)
    .where(where)
    .groupBy(invoices.currency)
    .orderBy(asc(invoices.currency));
}

// The same sums from the running totals. An open invoice with nothing left to pay adds 0 to the
// overdue balance, so summing every open one past its due date equals overdueCondition's sum.
function runningTotals(db: Executor, status: InvoiceListQuery["status"], today: string): Promise<CurrencyTotals[]> {
  const open = sql`${invoiceTotals.status} in ('approved', 'partially_paid')`;
  return db
    .select({
      currency: invoiceTotals.currency,
      count: sql<number>`sum(${invoiceTotals.invoices})::int`.mapWith(Number),
      invoicedMinor: sumOf(sql`${invoiceTotals.totalMinor}`, sql`${invoiceTotals.status} <> 'void'`),
      paidMinor: sumOf(sql`${invoiceTotals.paidMinor}`),
      outstandingMinor: sumOf(sql`${invoiceTotals.totalMinor} - ${invoiceTotals.paidMinor}`, open),
      overdueMinor: sumOf(sql`${invoiceTotals.totalMinor} - ${invoiceTotals.paidMinor}`, sql`${open} and ${invoiceTotals.dueDate} < ${today}`),
    })
    .from(invoiceTotals)
    .where(status ? eq(invoiceTotals.status, status) : undefined)
    .groupBy(invoiceTotals.currency)
    // Keys whose invoices all moved on stay behind at zero.
    .having(sql`sum(${invoiceTotals.invoices}) > 0`)
    .orderBy(asc(invoiceTotals.currency));
}

/**
 * A student's invoices or staff's all invoices, newest first unless sorted by a column, with filters (status, student,
 * creation date range, overdue) and the matching invoices' totals per currency.
 */
export async function listInvoicesForActor(db: Executor, actor: Actor, query: InvoiceListQuery) {
  requireInvoiceReader(actor);
  const today = todayUtc();
  const where = and(
    invoiceScope(actor),
    query.status ? eq(invoices.status, query.status) : undefined,
    query.studentId && can(actor, "invoices:view-all") ? eq(invoices.studentId, query.studentId) : undefined,
    query.from ? gte(invoices.createdAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
    query.to ? lt(invoices.createdAt, nextDay(query.to)) : undefined,
    query.overdue ? overdueCondition(today) : undefined,
    query.unpaid ? unpaidCondition() : undefined,
  );
  // Staff's whole list (or one status of it) is every invoice: its totals come from the running
  // totals (invoice_totals) instead of summing every row; any other filter sums the rows it matches.
  const fromRunningTotals = can(actor, "invoices:view-all") && !query.studentId && !query.from && !query.to && !query.overdue && !query.unpaid;
  // The page's ids first, in index order, so a deep page skips bare ids instead of rows joined
  // to their student and assignment; only its own rows are then joined.
  const pageIds = db
    .select({ id: invoices.id })
    .from(invoices)
    .where(where)
    .orderBy(...listOrder(query))
    .limit(INVOICES_PAGE_SIZE)
    .offset((query.page - 1) * INVOICES_PAGE_SIZE)
    .as("page_ids");
  const [rows, totals] = await Promise.all([
    db
      .select(summary)
      .from(pageIds)
      .innerJoin(invoices, eq(invoices.id, pageIds.id))
      .innerJoin(profiles, eq(profiles.userId, invoices.studentId))
      .innerJoin(assignments, eq(assignments.id, invoices.assignmentId))
      .orderBy(...listOrder(query)),
    fromRunningTotals ? runningTotals(db, query.status, today) : matchedTotals(db, where, today),
  ]);
  const total = totals.reduce((n, row) => n + row.count, 0);
  return {
    items: rows.map((row) => withComputed(row, today)),
    total,
    page: query.page,
    // A page past INVOICES_MAX_PAGE would fall back to the first, so the pager stops there.
    pageCount: Math.max(1, Math.min(INVOICES_MAX_PAGE, Math.ceil(total / INVOICES_PAGE_SIZE))),
    totals,
  };
}

/** Invoices waiting for an admin's approval, oldest submission first. */
export async function listApprovalQueue(db: Executor, actor: Actor, page = 1) {
  requirePermission(actor, "invoices:approve");
  const where = eq(invoices.status, "pending_approval");
  const current = Math.max(1, Math.floor(page));
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...summary, draftedBy: invoices.draftedBy })
      .from(invoices)
      .innerJoin(profiles, eq(profiles.userId, invoices.studentId))
      .innerJoin(assignments, eq(assignments.id, invoices.assignmentId))
      .where(where)
      .orderBy(asc(invoices.submittedAt), asc(invoices.id))
      .limit(INVOICES_PAGE_SIZE)
      .offset((current - 1) * INVOICES_PAGE_SIZE),
    db.select({ n: count() }).from(invoices).where(where),
  ]);
  const names = await namesOf(db, rows.map((row) => row.draftedBy));
  const today = todayUtc();
  const items = rows.map((row) => ({ ...withComputed(row, today), draftedByName: row.draftedBy ? (names.get(row.draftedBy) ?? null) : null }));
  return { items, total: total?.n ?? 0, page: current, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / INVOICES_PAGE_SIZE)) };
}

/** One invoice the actor may see; anything else, including a malformed id, is not found. */
export async function getInvoiceForActorOrThrow(db: Executor, actor: Actor, invoiceId: string): Promise<Invoice> {
  requireInvoiceReader(actor);
  if (!idSchema.safeParse(invoiceId).success) throw new AppError("not_found", "Invoice not found");
  const [row] = await db.select().from(invoices).where(and(eq(invoices.id, invoiceId), invoiceScope(actor))).limit(1);
  if (!row) throw new AppError("not_found", "Invoice not found");
  return row;
}

async function namesOf(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ userId: profiles.userId, name: profiles.fullName }).from(profiles).where(inArray(profiles.userId, wanted));
  return new Map(rows.map((row) => [row.userId, row.name]));
}

/**
 * The invoice page: items, payments, timeline and who drafted, approved and recorded what, with
 * the balance and overdue computed. A student sees neither the internal drafting history nor
 * the reason a draft was sent back, nor who recorded a payment, nor its provider ids and notes.
 */
export async function getInvoiceDetail(db: Executor, actor: Actor, invoiceId: string) {
  const invoice = await getInvoiceForActorOrThrow(db, actor, invoiceId);
  const staff = can(actor, "invoices:view-all");
  const [items, paymentRows, events, [assignment]] = await Promise.all([
    db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, invoice.id)).orderBy(asc(invoiceItems.position)),
    db.select().from(payments).where(eq(payments.invoiceId, invoice.id)).orderBy(asc(payments.createdAt), asc(payments.id)),
    db
      .select()
      .from(invoiceEvents)
      .where(and(eq(invoiceEvents.invoiceId, invoice.id), staff ? undefined : notInArray(invoiceEvents.toStatus, ["draft", "pending_approval"])))
      .orderBy(asc(invoiceEvents.createdAt), asc(invoiceEvents.id)),
    db.select({ id: assignments.id, code: assignments.code, title: assignments.title }).from(assignments).where(eq(assignments.id, invoice.assignmentId)),
  ]);
  const names = await namesOf(db, [invoice.studentId, invoice.draftedBy, invoice.approvedBy, invoice.voidedBy, ...paymentRows.map((p) => p.recordedBy), ...events.map((e) => e.actorId)]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    invoice: { ...withComputed(invoice, todayUtc()), rejectionReason: staff ? invoice.rejectionReason : null },
    assignment: assignment ?? null,
    studentName: nameOf(invoice.studentId),
    draftedByName: staff ? nameOf(invoice.draftedBy) : null,
    approvedByName: staff ? nameOf(invoice.approvedBy) : null,
    voidedByName: staff ? nameOf(invoice.voidedBy) : null,
    items,
    // A student sees what is meant for them (how much, how, when, its status and a receipt
    // reference); provider ids, the admin's note and why it was disputed stay with staff.
    payments: paymentRows.map((payment) => ({
      id: payment.id,
      provider: payment.provider,
      method: payment.method,
      status: payment.status,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      paidAt: payment.paidAt,
      createdAt: payment.createdAt,
      receipt: receiptReference(payment.id),
      providerReference: staff ? payment.providerReference : null,
      note: staff ? payment.note : null,
      recordedByName: staff ? nameOf(payment.recordedBy) : null,
      disputeReason: staff ? payment.disputeReason : null,
      reviewReason: staff ? payment.reviewReason : null,
    })),
    timeline: events.map((event) => ({ ...event, actorName: staff ? nameOf(event.actorId) : null })),
  };
}

/**
 * The invoices of one assignment the actor may see, newest first, with balance and overdue:
 * staff see every one (drafts too), a student only their issued ones (invoiceScope).
 */
export async function listInvoicesForAssignment(db: Executor, actor: Actor, assignmentId: string) {
  requireInvoiceReader(actor);
  if (!idSchema.safeParse(assignmentId).success) return [];
  const today = todayUtc();
  const rows = await db
    .select({ ...invoiceLineColumns, createdAt: invoices.createdAt })
    .from(invoices)
    .where(and(eq(invoices.assignmentId, assignmentId), invoiceScope(actor)))
    .orderBy(desc(invoices.createdAt), desc(invoices.id));
  return rows.map((row) => withComputed(row, today));
}
