import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teacherAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { leaveAssignmentThread } from "@/lib/messaging/membership";
import { parseInput } from "@/lib/validation";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { liveHelpers, links } from "./policy";
import { removeHelperSchema } from "./schemas";

/** Staff take a helper off an open assignment; the helper loses access at once. */
export async function removeHelper(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number }>> {
  requirePermission(actor, "assignments:assign");
  const parsed = parseInput(removeHelperSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { teacherId, ...ref } = parsed.data;
  return changeAssignment(db, actor, ref, {
    check: ({ assignment, teachers }) => {
      const open = allow("remove_helper", assignment.status);
      if (!open.ok) return open;
      const helper = liveHelpers(teachers).find((row) => row.teacherId === teacherId);
      return helper ? ok(helper) : fail("conflict", "This teacher is not a helper on this assignment");
    },
    apply: async (tx, { assignment }, helper) => {
      await tx.update(teacherAssignments).set({ status: "removed", removedAt: new Date() }).where(eq(teacherAssignments.id, helper.id));
      await leaveAssignmentThread(tx, assignment.id, teacherId);
      const saved = await saveChange(tx, actor, assignment);
      await auditAssignment(tx, actor, "assignment.helper_removed", assignment, { teacherId });
      const resolved = await resolveTask(tx, taskKeys.answerOffer(assignment.id, teacherId));
      const notifications = await notifyEach(tx, [
        [[teacherId], { type: "assignment.unassigned", title: `You are no longer a helper on ${assignment.code}`, link: "/teacher/assignments" }],
        [[assignment.studentId], { type: "assignment.assigned", title: `A helper left ${assignment.code}`, link: links.student(assignment.id) }],
      ]);
      return done({ version: saved.version }, [...resolved, ...notifications]);
    },
  });
}
