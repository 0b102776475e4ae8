import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, assignmentStatuses, assignmentStatusTotals, invoices, payments, profiles, type AssignmentStatus } from "@/db/schema";
import { assignmentScope } from "@/lib/assignments/policy";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/require-permission";
import { invoiceScope } from "@/lib/invoices/policy";
import { DEFAULT_CURRENCY } from "@/lib/money/money";
import { getAdminOverview, type AdminOverview } from "@/lib/users/queries";
import { revenueByMonth, type MonthRevenue } from "./revenue";

export type AdminDashboard = {
  approvalsWaiting: number;
  disputedPayments: number;
  /** Revenue is shown in the platform's default currency only; invoices in other currencies are left out. */
  currency: string;
  /** The zone the months are counted in: the admin's own. */
  timeZone: string;
  revenueThisMonth: number;
  revenueLastMonth: number;
  revenueByMonth: MonthRevenue[];
  assignmentsByStatus: { status: AssignmentStatus; count: number }[];
  usersByRole: Record<Role, number>;
  users: AdminOverview;
};

async function ownTimeZone(db: Executor, actor: Actor): Promise<string> {
  const [row] = await db.select({ timeZone: profiles.timeZone }).from(profiles).where(eq(profiles.userId, actor.id));
  return row?.timeZone ?? "UTC";
}

/**
 * Assignments per status. Someone who sees every assignment reads the running totals
 * (assignment_status_totals, kept by a trigger in each change's transaction: seven rows however many
 * assignments there are); anyone else counts their own, one status at a time from the (status, id) index.
 */
async function countByStatus(db: Executor, actor: Actor): Promise<{ status: AssignmentStatus; n: number }[]> {
  if (can(actor, "assignments:view-all")) {
    const rows = await db.select({ status: assignmentStatusTotals.status, n: assignmentStatusTotals.assignments }).from(assignmentStatusTotals);
    return rows.map((row) => ({ status: row.status, n: Number(row.n) }));
  }
  const result = await db.execute<{ status: AssignmentStatus; n: number }>(sql`
    select s.status, (select count(*)::int from ${assignments} where ${assignments.status} = s.status and ${assignmentScope(actor)}) as n
    from unnest(enum_range(null::assignment_status)) as s(status)`);
  return result.rows.map((row) => ({ status: row.status, n: Number(row.n) }));
}

/** The admin's counts and charts. Revenue: see revenueByMonth (cash basis, months in the admin's zone). */
export async function getAdminDashboard(db: Executor, actor: Actor, now: Date = new Date()): Promise<AdminDashboard> {
  requirePermission(actor, "dashboard:admin");
  requirePermission(actor, "invoices:approve");
  requirePermission(actor, "payments:resolve-dispute");
  const timeZone = await ownTimeZone(db, actor);
  const [[approvals], [disputed], months, byStatus, users] = await Promise.all([
    db.select({ n: count() }).from(invoices).where(and(invoiceScope(actor), eq(invoices.status, "pending_approval"))),
    db
      .select({ n: count() })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(and(invoiceScope(actor), eq(payments.status, "disputed"))),
    revenueByMonth(db, timeZone, DEFAULT_CURRENCY, now),
    countByStatus(db, actor),
    getAdminOverview(db, actor),
  ]);
  const counted = new Map(byStatus.map((row) => [row.status, row.n]));
  return {
    approvalsWaiting: approvals?.n ?? 0,
    disputedPayments: disputed?.n ?? 0,
    currency: DEFAULT_CURRENCY,
    timeZone,
    revenueThisMonth: months.at(-1)?.minor ?? 0,
    revenueLastMonth: months.at(-2)?.minor ?? 0,
    revenueByMonth: months,
    assignmentsByStatus: assignmentStatuses.map((status) => ({ status, count: counted.get(status) ?? 0 })),
    usersByRole: users.byRole,
    users,
  };
}
