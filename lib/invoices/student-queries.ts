import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { invoiceLineColumns } from "./columns";
import { invoiceScope } from "./policy";
import { isOverdue, isPayable, todayUtc } from "./state";

const line = {
  ...invoiceLineColumns,
  assignmentId: invoices.assignmentId,
  assignmentCode: assignments.code,
  assignmentTitle: assignments.title,
};

type Line = { status: (typeof invoices.$inferSelect)["status"]; totalMinor: number; paidMinor: number; dueDate: string };

function withBalance<T extends Line>(row: T, today: string) {
  const balanceMinor = row.status === "void" ? 0 : row.totalMinor - row.paidMinor;
  return { ...row, balanceMinor, overdue: isOverdue(row, today), payable: isPayable(row.status) && balanceMinor > 0 };
}

/** The student's issued invoices with a balance left, the most urgent (earliest due) first. */
export async function listInvoicesToPay(db: Executor, actor: Actor, limit = 5) {
  requirePermission(actor, "invoices:view-own");
  const rows = await db
    .select(line)
    .from(invoices)
    .innerJoin(assignments, eq(assignments.id, invoices.assignmentId))
    .where(and(invoiceScope(actor), inArray(invoices.status, ["approved", "partially_paid"]), sql`${invoices.paidMinor} < ${invoices.totalMinor}`))
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(limit);
  const today = todayUtc();
  return rows.map((row) => withBalance(row, today));
}

/** The invoices of one assignment the actor may see (a student: their issued ones), newest first. */
export async function listInvoicesForAssignment(db: Executor, actor: Actor, assignmentId: string) {
  requirePermission(actor, "invoices:view-own");
  const rows = await db
    .select(line)
    .from(invoices)
    .innerJoin(assignments, eq(assignments.id, invoices.assignmentId))
    .where(and(invoiceScope(actor), eq(invoices.assignmentId, assignmentId)))
    .orderBy(desc(invoices.createdAt), desc(invoices.id));
  const today = todayUtc();
  return rows.map((row) => withBalance(row, today));
}

export type StudentInvoiceLine = Awaited<ReturnType<typeof listInvoicesToPay>>[number];
