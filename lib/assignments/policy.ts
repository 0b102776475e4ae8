import { eq, sql, type SQL } from "drizzle-orm";
import { assignments, teacherAssignments, type TeacherAssignment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

/**
 * The one definition of which assignments an actor may see, as a `where` clause every read and
 * every locked write applies: staff all; a student their own; a teacher those they are offered or
 * working on, a helper only once the primary has accepted. Anything else sees nothing, and an
 * assignment outside the scope is answered as not found, never as forbidden.
 */
export function assignmentScope(actor: Actor): SQL {
  if (can(actor, "assignments:view-all")) return sql`true`;
  if (can(actor, "assignments:view-own")) return eq(assignments.studentId, actor.id);
  if (can(actor, "assignments:view-assigned")) {
    // Two index-driven branches (their own primary rows; helper rows under an accepted primary)
    // rather than EXISTS … OR EXISTS, which the planner can only answer by scanning every assignment.
    return sql`${assignments.id} in (
      select mine.assignment_id from teacher_assignments mine
      where mine.teacher_id = ${actor.id} and mine.role = 'primary' and mine.status in ('pending', 'accepted')
      union all
      select mine.assignment_id from teacher_assignments mine
      join teacher_assignments lead_row on lead_row.assignment_id = mine.assignment_id and lead_row.role = 'primary' and lead_row.status = 'accepted'
      where mine.teacher_id = ${actor.id} and mine.role = 'helper' and mine.status in ('pending', 'accepted'))`;
  }
  return sql`false`;
}

/**
 * assignmentScope for a query that walks the teacher's own live teacher_assignments rows (their
 * lists, home and dashboard): the same rule said of each row itself (their primary row, or a
 * helper's row under an accepted primary), so each row costs one index probe instead of the
 * planner joining every row of the teacher's whole scope to every candidate.
 */
export function ownTeacherRowScope(actor: Actor): SQL {
  if (!can(actor, "assignments:view-assigned")) return sql`false`;
  // A scalar subquery (at most one live primary per assignment, by a unique index), never hashed:
  // an EXISTS here may be planned as a scan of every accepted primary row.
  return sql`(${teacherAssignments.teacherId} = ${actor.id} and ${teacherAssignments.status} in ('pending', 'accepted') and (${teacherAssignments.role} = 'primary' or (
    select lead_row.status from teacher_assignments lead_row
    where lead_row.assignment_id = ${teacherAssignments.assignmentId} and lead_row.role = 'primary' and lead_row.status in ('pending', 'accepted')) = 'accepted'))`;
}

export const isLive = (row: TeacherAssignment) => row.status === "pending" || row.status === "accepted";

export function livePrimary(teachers: readonly TeacherAssignment[]): TeacherAssignment | undefined {
  return teachers.find((row) => row.role === "primary" && isLive(row));
}

export function liveHelpers(teachers: readonly TeacherAssignment[]): TeacherAssignment[] {
  return teachers.filter((row) => row.role === "helper" && isLive(row));
}

/** The actor's own pending or accepted row, if they are on this assignment. */
export function ownTeacherRow(actor: Actor, teachers: readonly TeacherAssignment[]): TeacherAssignment | undefined {
  return teachers.find((row) => row.teacherId === actor.id && isLive(row));
}

/** Teachers who can open the assignment now, so notifications never link to a 404. */
export function teachersWhoSee(teachers: readonly TeacherAssignment[]): string[] {
  const primary = livePrimary(teachers);
  if (!primary) return [];
  const helpers = primary.status === "accepted" ? liveHelpers(teachers) : [];
  return [primary.teacherId, ...helpers.map((row) => row.teacherId)];
}

/** For services two roles may call with different rules (a student's cancel, staff's cancel). */
export function requireAnyPermission(actor: Actor, ...permissions: Parameters<typeof can>[1][]): void {
  if (!permissions.some((permission) => can(actor, permission))) throw new AppError("forbidden", "You do not have access to this");
}

export const links = {
  student: (id: string) => `/student/assignments/${id}`,
  teacher: (id: string) => `/teacher/assignments/${id}`,
  support: (id: string) => `/support/assignments/${id}`,
};
