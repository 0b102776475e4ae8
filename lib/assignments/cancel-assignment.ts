import type { Database } from "@/db/client";
import type { AssignmentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { assignmentTaskKeys } from "@/lib/notifications/task-keys";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { links, requireAnyPermission, teachersWhoSee } from "./policy";
import { cancelSchema } from "./schemas";

/** A student cancels their own request before work starts; staff cancel any open assignment. */
export async function cancelAssignment(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: AssignmentStatus }>> {
  requireAnyPermission(actor, "assignments:cancel-own", "assignments:cancel-any");
  const byStaff = can(actor, "assignments:cancel-any");
  const parsed = parseInput(cancelSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { reason, ...ref } = parsed.data;
  return changeAssignment(db, actor, ref, {
    check: ({ assignment }) => allow(byStaff ? "cancel_by_staff" : "cancel_by_student", assignment.status),
    apply: async (tx, { assignment, teachers }, planned) => {
      const saved = await saveChange(tx, actor, assignment, { steps: planned.steps, note: reason });
      await auditAssignment(tx, actor, "assignment.cancelled", assignment, { by: byStaff ? "staff" : "student", from: assignment.status, reason });
      const title = `${assignment.code} was cancelled`;
      // Nothing is left to do on a cancelled assignment, for anyone who was asked.
      const resolved = await resolveTask(tx, assignmentTaskKeys(assignment.id, teachers.map((row) => row.teacherId)));
      const notifications = await notifyEach(tx, [
        [teachersWhoSee(teachers), { type: "assignment.cancelled", title, body: reason ?? undefined, link: links.teacher(assignment.id) }],
        [byStaff ? [assignment.studentId] : [], { type: "assignment.cancelled", title, body: reason ?? undefined, link: links.student(assignment.id) }],
      ]);
      return done(saved, [...resolved, ...notifications]);
    },
  });
}
