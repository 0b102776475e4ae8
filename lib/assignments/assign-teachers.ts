import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teacherAssignments, users, type AssignmentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { leaveAssignmentThread } from "@/lib/messaging/membership";
import { parseInput } from "@/lib/validation";
import type { NotificationInput } from "@/lib/notifications/notify";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { liveHelpers, livePrimary, links } from "./policy";
import { assignTeachersSchema } from "./schemas";

async function inactiveOrNotTeachers(db: Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.role, "teacher"), eq(users.status, "active")));
  return ids.filter((id) => !found.some((row) => row.id === id));
}

/**
 * Staff choose the primary teacher (first assignment or reassignment) and add helpers. A new
 * primary gets a pending offer and the assignment waits in `assigned` for them, even when the
 * previous primary had started; helpers are told once the primary has accepted, because only
 * then can they open the assignment.
 */
export async function assignTeachers(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: AssignmentStatus }>> {
  requirePermission(actor, "assignments:assign");
  const parsed = parseInput(assignTeachersSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { primaryTeacherId, helperIds, ...ref } = parsed.data;
  const unknown = await inactiveOrNotTeachers(db, [...(primaryTeacherId ? [primaryTeacherId] : []), ...helperIds]);
  if (unknown.length > 0) {
    const field = primaryTeacherId && unknown.includes(primaryTeacherId) ? "primaryTeacherId" : "helperIds";
    return fail("invalid", "Choose active teachers from the list", { [field]: ["Choose an active teacher from the list"] });
  }

  return changeAssignment(db, actor, ref, {
    check: ({ assignment, teachers }) => {
      const current = livePrimary(teachers);
      const newPrimary = primaryTeacherId !== undefined && primaryTeacherId !== current?.teacherId ? primaryTeacherId : undefined;
      const staying = liveHelpers(teachers).filter((row) => row.teacherId !== newPrimary).map((row) => row.teacherId);
      const addedHelpers = helperIds.filter((id) => !staying.includes(id) && id !== (newPrimary ?? current?.teacherId));
      if (!newPrimary && !current) return fail("invalid", "Choose a primary teacher", { primaryTeacherId: ["Choose a primary teacher"] });
      if (!newPrimary && addedHelpers.length === 0) return fail("invalid", "Choose a different primary teacher or add a helper", { primaryTeacherId: ["Nothing would change"] });
      const moved = allow(newPrimary ? "assign_primary" : "add_helper", assignment.status);
      if (!moved.ok) return moved;
      return ok({ ...moved.data, newPrimary, previous: newPrimary ? current : undefined, addedHelpers });
    },
    apply: async (tx, { assignment, teachers }, change) => {
      const now = new Date();
      const { newPrimary, previous, addedHelpers } = change;
      const removedIds = [previous?.id, liveHelpers(teachers).find((row) => row.teacherId === newPrimary)?.id].filter((id): id is string => !!id);
      // Rows leave before new ones arrive: the unique indexes allow one live row per teacher and one live primary.
      if (removedIds.length > 0) await tx.update(teacherAssignments).set({ status: "removed", removedAt: now }).where(inArray(teacherAssignments.id, removedIds));
      // A teacher taken off keeps the thread up to now; one moved from helper to primary rejoins on accepting.
      for (const row of teachers.filter((teacher) => removedIds.includes(teacher.id))) await leaveAssignmentThread(tx, assignment.id, row.teacherId);
      const rows = [
        ...(newPrimary ? [{ teacherId: newPrimary, role: "primary" as const }] : []),
        ...addedHelpers.map((teacherId) => ({ teacherId, role: "helper" as const })),
      ];
      await tx.insert(teacherAssignments).values(rows.map((row) => ({ ...row, assignmentId: assignment.id, assignedBy: actor.id })));
      const note = newPrimary ? (previous ? "Primary teacher changed" : "Primary teacher assigned") : null;
      const saved = await saveChange(tx, actor, assignment, { steps: change.steps, note });
      await auditAssignment(tx, actor, "assignment.teachers_assigned", assignment, { primaryTeacherId: newPrimary ?? null, previousPrimaryId: previous?.teacherId ?? null, helpersAdded: addedHelpers });

      // Helpers can open the assignment only under an accepted primary; otherwise they hear of it on acceptance.
      const helpersSeeNow = !newPrimary && livePrimary(teachers)?.status === "accepted";
      const code = `${assignment.code}: ${assignment.title}`;
      // A new primary takes the request out of the queue; a teacher taken off it has no offer left to answer.
      const resolved = await resolveTask(tx, [
        ...(newPrimary ? [taskKeys.assignTeacher(assignment.id), taskKeys.answerOffer(assignment.id, newPrimary)] : []),
        ...(previous ? [taskKeys.answerOffer(assignment.id, previous.teacherId)] : []),
      ]);
      const notifications = await notifyEach(tx, [
        [newPrimary ? [newPrimary] : [], { type: "assignment.offered", title: `New assignment offer ${code}`, body: "Accept or decline it from My assignments.", link: links.teacher(assignment.id), taskKey: newPrimary ? taskKeys.answerOffer(assignment.id, newPrimary) : undefined }],
        [previous ? [previous.teacherId] : [], { type: "assignment.unassigned", title: `You are no longer the teacher of ${assignment.code}`, link: "/teacher/assignments" }],
        ...(helpersSeeNow ? addedHelpers : []).map((helperId): [string[], NotificationInput] => [[helperId], { type: "assignment.helper_added", title: `You were added as a helper on ${code}`, body: "Accept or decline it from My assignments.", link: links.teacher(assignment.id), taskKey: taskKeys.answerOffer(assignment.id, helperId) }]),
        [[assignment.studentId], { type: "assignment.assigned", title: newPrimary ? (previous ? `${assignment.code} has a new teacher` : `A teacher was assigned to ${assignment.code}`) : `A helper joined ${assignment.code}`, link: links.student(assignment.id) }],
      ]);
      return done(saved, [...resolved, ...notifications]);
    },
  });
}
