import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { teacherAssignments, type AssignmentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { joinAssignmentThread } from "@/lib/messaging/membership";
import { parseInput } from "@/lib/validation";
import type { NotificationInput } from "@/lib/notifications/notify";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { activeCsRepIds, allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { liveHelpers, livePrimary, links, ownTeacherRow } from "./policy";
import { respondSchema } from "./schemas";

/**
 * A teacher accepts or declines their offer. The primary's answer moves the assignment
 * (accept → in_progress, decline → back to the queue); a helper's answer only records itself.
 */
export async function respondToOffer(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; status: AssignmentStatus }>> {
  requirePermission(actor, "assignments:respond-to-offer");
  const parsed = parseInput(respondSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { decision, reason, ...ref } = parsed.data;
  const accepting = decision === "accept";

  return changeAssignment(db, actor, ref, {
    check: ({ assignment, teachers }) => {
      const own = ownTeacherRow(actor, teachers);
      if (!own) return fail("not_found", "Assignment not found");
      if (own.status === "accepted") return fail("conflict", "You have already accepted this assignment");
      const moved = own.role === "primary" ? allow(accepting ? "accept_offer" : "decline_offer", assignment.status) : allow("answer_helper_offer", assignment.status);
      return moved.ok ? ok({ ...moved.data, own }) : moved;
    },
    apply: async (tx, { assignment, teachers }, { own, steps }) => {
      await tx
        .update(teacherAssignments)
        .set({ status: accepting ? "accepted" : "declined", declineReason: accepting ? null : reason, respondedAt: new Date() })
        .where(eq(teacherAssignments.id, own.id));
      const note = accepting ? null : reason;
      const saved = await saveChange(tx, actor, assignment, { steps, note });
      // The assignment's thread opens with the primary's acceptance; each helper joins as they accept.
      if (accepting) await joinAssignmentThread(tx, assignment, actor.id);
      await auditAssignment(tx, actor, accepting ? "assignment.offer_accepted" : "assignment.offer_declined", assignment, { role: own.role, reason: note });

      const code = `${assignment.code}: ${assignment.title}`;
      const primary = own.role === "primary";
      // Accepting as primary opens the assignment to its helpers, who hear of it only now.
      const helpers = primary && accepting ? liveHelpers(teachers).filter((row) => row.status === "pending").map((row) => row.teacherId) : [];
      const reps = accepting ? [] : await activeCsRepIds(tx);
      const primaryId = livePrimary(teachers)?.teacherId;
      const resolved = await resolveTask(tx, taskKeys.answerOffer(assignment.id, actor.id));
      const notifications = await notifyEach(tx, [
        [primary && accepting ? [assignment.studentId] : [], { type: "assignment.accepted", title: `Work has started on ${assignment.code}`, link: links.student(assignment.id) }],
        ...helpers.map((helperId): [string[], NotificationInput] => [[helperId], { type: "assignment.helper_added", title: `You are a helper on ${code}`, body: "Accept or decline it from My assignments.", link: links.teacher(assignment.id), taskKey: taskKeys.answerOffer(assignment.id, helperId) }]),
        [reps, { type: "assignment.declined", title: `${actor.name} declined ${primary ? "" : "to help on "}${assignment.code}${primary ? "; it is back in the queue" : ""}`, body: reason ?? undefined, link: links.support(assignment.id), taskKey: primary ? taskKeys.assignTeacher(assignment.id) : undefined }],
        [!primary && accepting && primaryId ? [primaryId] : [], { type: "assignment.helper_accepted", title: `${actor.name} is helping on ${assignment.code}`, link: links.teacher(assignment.id) }],
      ]);
      return done(saved, [...resolved, ...notifications]);
    },
  });
}
