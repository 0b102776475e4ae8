import type { Database } from "@/db/client";
import type { AssignmentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import type { ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { links, teachersWhoSee } from "./policy";
import { refSchema } from "./schemas";

/** The student accepts the latest delivery; the assignment is completed. */
export async function acceptDelivery(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: AssignmentStatus }>> {
  requirePermission(actor, "assignments:review-delivery");
  const parsed = parseInput(refSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  return changeAssignment(db, actor, parsed.data, {
    check: ({ assignment }) => allow("accept_delivery", assignment.status),
    apply: async (tx, { assignment, teachers }, moved) => {
      const saved = await saveChange(tx, actor, assignment, { steps: moved.steps });
      await auditAssignment(tx, actor, "assignment.delivery_accepted", assignment);
      const resolved = await resolveTask(tx, taskKeys.reviewDelivery(assignment.id));
      const notifications = await notifyEach(tx, [
        [teachersWhoSee(teachers), { type: "assignment.completed", title: `The student accepted ${assignment.code}`, link: links.teacher(assignment.id) }],
      ]);
      return done(saved, [...resolved, ...notifications]);
    },
  });
}
