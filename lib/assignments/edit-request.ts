import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import type { ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { links, teachersWhoSee } from "./policy";
import { editRequestSchema } from "./schemas";

/** The student rewrites the instructions, until a teacher accepts. */
export async function editRequest(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ version: number }>> {
  requirePermission(actor, "assignments:edit-own");
  const parsed = parseInput(editRequestSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const { instructions, ...ref } = parsed.data;
  return changeAssignment(db, actor, ref, {
    check: ({ assignment }) => allow("change_brief", assignment.status),
    apply: async (tx, { assignment, teachers }) => {
      const saved = await saveChange(tx, actor, assignment, { set: { instructions } });
      await auditAssignment(tx, actor, "assignment.brief_edited", assignment);
      const notifications = await notifyEach(tx, [
        [teachersWhoSee(teachers), { type: "assignment.brief_updated", title: `${assignment.code}: the student updated the instructions`, link: links.teacher(assignment.id) }],
      ]);
      return done({ version: saved.version }, notifications);
    },
  });
}
