import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { links, teachersWhoSee } from "./policy";
import { extendDueDateSchema } from "./schemas";
import { formatDateTime } from "@/lib/time/format";

/** Staff move an open assignment's due date later; deliveries after the old one are then on time. */
export async function extendDueDate(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number; dueAt: Date }>> {
  requirePermission(actor, "assignments:extend-due-date");
  const parsed = parseInput(extendDueDateSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { dueAt, timeZone, reason, ...ref } = parsed.data;
  return changeAssignment(db, actor, ref, {
    check: ({ assignment }) => {
      const open = allow("extend_due_date", assignment.status);
      if (!open.ok) return open;
      if (dueAt <= assignment.dueAt) {
        const message = `Choose a time after the current due date, ${formatDateTime(assignment.dueAt, timeZone)}`;
        return fail("invalid", message, { dueAt: [message] });
      }
      return open;
    },
    apply: async (tx, { assignment, teachers }) => {
      const saved = await saveChange(tx, actor, assignment, { set: { dueAt, dueTimeZone: timeZone } });
      await auditAssignment(tx, actor, "assignment.due_date_extended", assignment, { from: assignment.dueAt.toISOString(), to: dueAt.toISOString(), reason });
      // The new due moment is data, shown in each reader's own zone when the notification is read.
      const told = { type: "assignment.due_date_extended", title: `${assignment.code} has a new due date`, body: reason ?? undefined, data: { dueAt: dueAt.toISOString() } };
      const notifications = await notifyEach(tx, [
        [[assignment.studentId], { ...told, link: links.student(assignment.id) }],
        [teachersWhoSee(teachers), { ...told, link: links.teacher(assignment.id) }],
      ]);
      return done({ version: saved.version, dueAt }, notifications);
    },
  });
}
