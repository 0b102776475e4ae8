import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, invoices } from "@/db/schema";
import { notFinished } from "@/lib/assignments/queries";
import { assignmentScope } from "@/lib/assignments/policy";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { invoiceScope } from "@/lib/invoices/policy";
import { unpaidCondition } from "@/lib/invoices/queries";
import { listMeetings } from "@/lib/meetings/queries";
import { meetingListSchema } from "@/lib/meetings/schemas";
import { countUnreadThreads } from "@/lib/messaging/queries";

export type Balance = { currency: string; minor: number };

export type StudentDashboard = {
  openRequests: number;
  deliveriesToReview: number;
  /** Issued invoices with a balance left, and that balance per currency (a student may owe in several). */
  unpaidInvoices: number;
  unpaidBalances: Balance[];
  upcomingMeetings: number;
  nextMeeting: { id: string; title: string; startsAt: Date; withName: string } | null;
  unreadThreads: number;
};

/**
 * The student's counts, each through the same scope and condition as the list it links to
 * (open requests, deliveries to review, unpaid invoices, upcoming meetings, unread threads).
 */
export async function getStudentDashboard(db: Executor, actor: Actor, now: Date = new Date()): Promise<StudentDashboard> {
  requirePermission(actor, "dashboard:student");
  const [[work], balances, meetings, unreadThreads] = await Promise.all([
    db
      .select({
        open: sql<number>`count(*) filter (where ${notFinished})::int`.mapWith(Number),
        toReview: sql<number>`count(*) filter (where ${assignments.status} = 'delivered')::int`.mapWith(Number),
      })
      .from(assignments)
      .where(assignmentScope(actor)),
    db
      .select({ currency: invoices.currency, n: count(), minor: sql<number>`coalesce(sum(${invoices.totalMinor} - ${invoices.paidMinor}), 0)::bigint`.mapWith(Number) })
      .from(invoices)
      .where(and(invoiceScope(actor), eq(invoices.studentId, actor.id), unpaidCondition()))
      .groupBy(invoices.currency)
      .orderBy(invoices.currency),
    listMeetings(db, actor, meetingListSchema.parse({ when: "upcoming" }), now),
    countUnreadThreads(db, actor),
  ]);
  const next = meetings.rows[0];
  return {
    openRequests: work?.open ?? 0,
    deliveriesToReview: work?.toReview ?? 0,
    unpaidInvoices: balances.reduce((n, row) => n + row.n, 0),
    unpaidBalances: balances.map((row) => ({ currency: row.currency, minor: row.minor })),
    upcomingMeetings: meetings.total,
    nextMeeting: next ? { id: next.id, title: next.title, startsAt: next.startsAt, withName: next.with.name } : null,
    unreadThreads,
  };
}
