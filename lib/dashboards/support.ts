import { and, count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, invoices } from "@/db/schema";
import { assignmentScope } from "@/lib/assignments/policy";
import { queueCondition } from "@/lib/assignments/queries";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { invoiceScope } from "@/lib/invoices/policy";
import { countWaitingVisitors } from "@/lib/visitor-chat/queue-queries";

export type SupportDashboard = { queueWaiting: number; unassignedOver24Hours: number; invoicesToSubmit: number; visitorsWaiting: number };

async function countAssignments(db: Executor, actor: Actor, condition: ReturnType<typeof queueCondition>): Promise<number> {
  const [row] = await db.select({ n: count() }).from(assignments).where(and(assignmentScope(actor), condition));
  return row?.n ?? 0;
}

/**
 * The CS rep's counts. The queue, the invoices and the visitors are the team's, not one rep's:
 * any rep may assign a request, submit a draft or take a visitor, so each count is the team's
 * to-do and links to the same rows in the shared list.
 */
export async function getSupportDashboard(db: Executor, actor: Actor, now: Date = new Date()): Promise<SupportDashboard> {
  requirePermission(actor, "dashboard:support");
  requirePermission(actor, "assignments:assign");
  requirePermission(actor, "invoices:submit");
  const [queueWaiting, unassignedOver24Hours, [drafts], visitorsWaiting] = await Promise.all([
    countAssignments(db, actor, queueCondition(undefined, now)),
    countAssignments(db, actor, queueCondition("24h", now)),
    db.select({ n: count() }).from(invoices).where(and(invoiceScope(actor), eq(invoices.status, "draft"))),
    countWaitingVisitors(db, actor),
  ]);
  return { queueWaiting, unassignedOver24Hours, invoicesToSubmit: drafts?.n ?? 0, visitorsWaiting };
}
