import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, teacherAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { assignmentScope, ownTeacherRowScope } from "./policy";

const HOME_LIMIT = 5;

const line = {
  id: assignments.id,
  code: assignments.code,
  title: assignments.title,
  subject: assignments.subject,
  serviceType: assignments.serviceType,
  status: assignments.status,
  dueAt: assignments.dueAt,
};

/**
 * What the student's home asks of them: deliveries waiting for their review, and their latest
 * requests with how many are still open.
 */
export async function getStudentHome(db: Executor, actor: Actor) {
  requirePermission(actor, "assignments:view-own");
  const mine = assignmentScope(actor);
  const [toReview, recent, [open]] = await Promise.all([
    db.select(line).from(assignments).where(and(mine, eq(assignments.status, "delivered"))).orderBy(asc(assignments.dueAt), asc(assignments.id)).limit(HOME_LIMIT),
    db.select(line).from(assignments).where(mine).orderBy(desc(assignments.createdAt), desc(assignments.id)).limit(HOME_LIMIT),
    db.select({ n: count() }).from(assignments).where(and(mine, inArray(assignments.status, ["submitted", "assigned", "in_progress", "delivered", "revision_requested"]))),
  ]);
  return { toReview, recent, openCount: open?.n ?? 0 };
}

/**
 * What the teacher's home asks of them: offers to answer, revisions the student asked for, and
 * their accepted work by due date (soonest first).
 */
export async function getTeacherHome(db: Executor, actor: Actor) {
  requirePermission(actor, "assignments:view-assigned");
  // Every part is open work: closed rows (closed_at set when the assignment ends) are skipped by index.
  const own = and(ownTeacherRowScope(actor), isNull(teacherAssignments.closedAt));
  const select = () =>
    db
      .select({ ...line, myRole: teacherAssignments.role })
      .from(teacherAssignments)
      .innerJoin(assignments, eq(assignments.id, teacherAssignments.assignmentId));
  const [offers, revisions, dueSoon] = await Promise.all([
    select()
      .where(and(own, eq(teacherAssignments.status, "pending"), inArray(assignments.status, ["assigned", "in_progress", "delivered", "revision_requested"])))
      .orderBy(asc(assignments.dueAt), asc(assignments.id))
      .limit(2 * HOME_LIMIT),
    select()
      .where(and(own, eq(teacherAssignments.status, "accepted"), eq(assignments.status, "revision_requested")))
      .orderBy(asc(assignments.dueAt), asc(assignments.id))
      .limit(HOME_LIMIT),
    select()
      .where(and(own, eq(teacherAssignments.status, "accepted"), inArray(assignments.status, ["assigned", "in_progress"])))
      .orderBy(asc(assignments.dueAt), asc(assignments.id))
      .limit(HOME_LIMIT),
  ]);
  return { offers, revisions, dueSoon };
}

/** How many requests wait for a teacher: the CS rep's and admin's home card. */
export async function countAssignmentQueue(db: Executor, actor: Actor): Promise<number> {
  requirePermission(actor, "assignments:assign");
  const [row] = await db.select({ n: count() }).from(assignments).where(eq(assignments.status, "submitted"));
  return row?.n ?? 0;
}

export type StudentHome = Awaited<ReturnType<typeof getStudentHome>>;
export type TeacherHome = Awaited<ReturnType<typeof getTeacherHome>>;
export type HomeAssignment = StudentHome["recent"][number];
