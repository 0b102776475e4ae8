import { alias } from "drizzle-orm/pg-core";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { z } from "zod";
import { invoices, payments, paymentStatuses, profiles, refunds, type PaymentProvider, type PaymentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { invoiceScope } from "@/lib/invoices/policy";
import { receiptReference } from "@/lib/invoices/receipt";
import { getOwnProfile } from "@/lib/profiles/queries";

export const PAYMENT_HISTORY_PAGE_SIZE = 25;
const MAX_PAGE = 400;
const COUNT_CAP = MAX_PAGE * PAYMENT_HISTORY_PAGE_SIZE;

export type PaymentHistoryRow = {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  studentId: string;
  /** Staff only. */
  studentName: string | null;
  provider: PaymentProvider;
  /** Staff only: the provider's id (or an admin's bank reference). */
  providerReference: string | null;
  /** The reference a student may quote (PAY-…). */
  receipt: string;
  method: string | null;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  /** Refunds confirmed on this payment. */
  refundedMinor: number;
  /** Staff only. */
  recordedByName: string | null;
  /** Staff only: why a payment was not applied. */
  disputeReason: string | null;
  paidAt: Date | null;
  createdAt: Date;
};

/** `forStaff`: everyone's payments, with who paid and who recorded them. */
export type PaymentHistory = { items: PaymentHistoryRow[]; total: number; totalIsCapped: boolean; page: number; pageCount: number; forStaff: boolean; status: PaymentStatus | undefined };

/** The URL's `status` filter (e.g. the admin dashboard's disputed payments); anything else lists every status. */
export const paymentStatusParam = z.enum(paymentStatuses).optional().catch(undefined);

export type { PaymentProvider, PaymentStatus };

const studentProfiles = alias(profiles, "student_profiles");
const recorderProfiles = alias(profiles, "recorder_profiles");

/**
 * Every payment attempt (pending, succeeded, failed, disputed, refunded…), newest first: a
 * student's own (through invoiceScope, so only on their issued invoices), staff (admin and CS
 * rep) everyone's. Students see neither who recorded a payment, nor the provider's ids, nor why it
 * was disputed, as on the invoice page: a receipt reference of ours instead. Anyone else is refused.
 */
export async function listPaymentHistory(db: Executor, actor: Actor, query: { page?: number; status?: PaymentStatus } = {}): Promise<PaymentHistory> {
  const staff = can(actor, "invoices:view-all");
  if (!staff && !can(actor, "payments:view-own")) throw new AppError("forbidden", "You do not have access to this");
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number.isFinite(query.page) ? (query.page ?? 1) : 1)));
  const where = and(invoiceScope(actor), staff ? undefined : eq(invoices.studentId, actor.id), query.status ? eq(payments.status, query.status) : undefined);
  const refunded = sql`(select coalesce(sum(${refunds.amountMinor}), 0)::bigint from ${refunds} where ${refunds.paymentId} = ${payments.id} and ${refunds.status} = 'succeeded')`.mapWith(Number);

  // The page's ids first, read in index order (payments_created_idx), so a deep page skips ids
  // rather than joined rows with their refund sums; only its 25 rows are then joined.
  // Staff see every payment: joining each to its invoice would only cost a lookup per skipped row.
  // Staff read everyone's newest payments in index order (payments_created_idx). A student's few
  // are found through their invoices and sorted: "nulls last" (created_at is never null, so the
  // order is the same) keeps the planner from walking everyone's payments to find theirs.
  const order = staff ? [desc(payments.createdAt), desc(payments.id)] : [sql`${payments.createdAt} desc nulls last`, sql`${payments.id} desc nulls last`];
  const ids = db.select({ id: payments.id }).from(payments).$dynamic();
  const counted = db.select({ one: sql`1` }).from(payments).$dynamic();
  const pageIds = (staff ? ids : ids.innerJoin(invoices, eq(invoices.id, payments.invoiceId)))
    .where(where)
    .orderBy(...order)
    .limit(PAYMENT_HISTORY_PAGE_SIZE)
    .offset((page - 1) * PAYMENT_HISTORY_PAGE_SIZE)
    .as("page_ids");
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: payments.id,
        invoiceId: payments.invoiceId,
        invoiceNumber: invoices.number,
        studentId: invoices.studentId,
        studentName: studentProfiles.fullName,
        provider: payments.provider,
        providerReference: payments.providerReference,
        method: payments.method,
        status: payments.status,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
        refundedMinor: refunded,
        recordedByName: recorderProfiles.fullName,
        disputeReason: payments.disputeReason,
        paidAt: payments.paidAt,
        createdAt: payments.createdAt,
      })
      .from(pageIds)
      .innerJoin(payments, eq(payments.id, pageIds.id))
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .leftJoin(studentProfiles, eq(studentProfiles.userId, invoices.studentId))
      .leftJoin(recorderProfiles, eq(recorderProfiles.userId, payments.recordedBy))
      .orderBy(...order),
    // Pages stop at MAX_PAGE, so counting past it would only read rows no one can reach.
    db.select({ n: count() }).from((staff ? counted : counted.innerJoin(invoices, eq(invoices.id, payments.invoiceId))).where(where).limit(COUNT_CAP + 1).as("capped")),
  ]);
  const found = total?.n ?? 0;
  const n = Math.min(found, COUNT_CAP);
  return {
    items: rows.map((row) => ({
      ...row,
      studentName: staff ? row.studentName : null,
      providerReference: staff ? row.providerReference : null,
      receipt: receiptReference(row.id),
      recordedByName: staff ? row.recordedByName : null,
      disputeReason: staff ? row.disputeReason : null,
    })),
    total: n,
    totalIsCapped: found > COUNT_CAP,
    page,
    pageCount: Math.max(1, Math.ceil(n / PAYMENT_HISTORY_PAGE_SIZE)),
    forStaff: staff,
    status: query.status,
  };
}

/** The payments page: one page of the history (from the URL's `page`, narrowed by its `status`) and the viewer's zone. */
export async function getPaymentHistoryPage(db: Executor, actor: Actor, pageParam: string | undefined, statusParam?: string) {
  const page = Number(pageParam);
  const status = paymentStatusParam.parse(statusParam);
  const [history, own] = await Promise.all([listPaymentHistory(db, actor, { page: Number.isInteger(page) ? page : 1, status }), getOwnProfile(db, actor)]);
  return { history, timeZone: own.profile.timeZone };
}
