import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, teacherAssignments } from "@/db/schema";
import { ownTeacherRowScope } from "@/lib/assignments/policy";
import { teacherFilterCondition, teacherTab } from "@/lib/assignments/queries";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";

export type TeacherDashboard = { offersWaiting: number; dueWithin48Hours: number; inRevision: number };

const countWhere = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition ?? sql`false`})::int`.mapWith(Number);

/**
 * The teacher's counts in one pass over their own live rows, with the very conditions of the
 * list tabs they link to: Offers, and Active narrowed to due within 48 hours or to revisions.
 */
export async function getTeacherDashboard(db: Executor, actor: Actor, now: Date = new Date()): Promise<TeacherDashboard> {
  requirePermission(actor, "dashboard:teacher");
  const [row] = await db
    .select({
      offersWaiting: countWhere(teacherTab.offers),
      dueWithin48Hours: countWhere(and(teacherTab.active, teacherFilterCondition("due-48h", now))),
      inRevision: countWhere(and(teacherTab.active, teacherFilterCondition("revision", now))),
    })
    .from(teacherAssignments)
    .innerJoin(assignments, eq(assignments.id, teacherAssignments.assignmentId))
    // Every count is of open work, so only open rows are read (teacher_assignments_open_workload_idx).
    .where(and(ownTeacherRowScope(actor), isNull(teacherAssignments.closedAt)));
  return { offersWaiting: row?.offersWaiting ?? 0, dueWithin48Hours: row?.dueWithin48Hours ?? 0, inRevision: row?.inRevision ?? 0 };
}
