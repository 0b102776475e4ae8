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
import { revisionSchema } from "./schemas";

/** The student sends the delivery back with comments; the teacher delivers a new version. */
export async function requestRevision(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: AssignmentStatus }>> {
  requirePermission(actor, "assignments:review-delivery");
  const parsed = parseInput(revisionSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { comments, ...ref } = parsed.data;
  return changeAssignment(db, actor, ref, {
    check: ({ assignment }) => allow("request_revision", assignment.status),
    apply: async (tx, { assignment, teachers }, moved) => {
      // The comments live on the timeline row, beside the step they explain.
      const saved = await saveChange(tx, actor, assignment, { steps: moved.steps, note: comments });
      await auditAssignment(tx, actor, "assignment.revision_requested", assignment);
      const resolved = await resolveTask(tx, taskKeys.reviewDelivery(assignment.id));
      const notifications = await notifyEach(tx, [
        [teachersWhoSee(teachers), { type: "assignment.revision_requested", title: `Revision requested on ${assignment.code}`, body: comments.slice(0, 500), link: links.teacher(assignment.id), taskKey: taskKeys.deliverRevision(assignment.id) }],
      ]);
      return done(saved, [...resolved, ...notifications]);
    },
  });
}
