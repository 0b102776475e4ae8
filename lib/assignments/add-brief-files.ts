import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, type ServiceResult } from "@/lib/errors";
import { defaultFileStore, type FileStore } from "@/lib/storage";
import { parseInput } from "@/lib/validation";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { briefCapError, briefTotals } from "./brief-cap";
import { insertFileRows, readFiles, withStoredFiles } from "./files";
import { links, teachersWhoSee } from "./policy";
import { refSchema } from "./schemas";

/** The student adds brief files, until a teacher accepts and while the brief stays within its caps. */
export async function addBriefFiles(db: Database, actor: Actor, input: unknown, files: FileStore = defaultFileStore()): Promise<ServiceResult<{ fileIds: string[]; version: number }>> {
  requirePermission(actor, "assignments:edit-own");
  const parsed = parseInput(refSchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const uploads = readFiles(input, files.maxUploadBytes);
  if (!uploads.ok) return fail("invalid", "Check the highlighted fields", uploads.fieldErrors);
  if (uploads.files.length === 0) return fail("invalid", "Choose at least one file", { files: ["Choose at least one file"] });
  // Checked before storing anything, and again under the row lock: two uploads at once must not both fit.
  const overCap = briefCapError(await briefTotals(db, actor, parsed.data.assignmentId), uploads.files);
  if (overCap) return fail("invalid", "Check the highlighted fields", { files: [overCap] });

  return withStoredFiles(files, uploads.files, (stored) =>
    changeAssignment(db, actor, parsed.data, {
      check: async ({ assignment }, tx) => {
        const allowed = allow("change_brief", assignment.status);
        if (!allowed.ok) return allowed;
        const full = briefCapError(await briefTotals(tx, actor, assignment.id), stored);
        return full ? fail("invalid", "Check the highlighted fields", { files: [full] }) : allowed;
      },
      apply: async (tx, { assignment, teachers }) => {
        const fileIds = await insertFileRows(tx, { assignmentId: assignment.id, uploadedBy: actor.id, kind: "brief" }, stored);
        const saved = await saveChange(tx, actor, assignment);
        await auditAssignment(tx, actor, "assignment.brief_files_added", assignment, { files: stored.map((file) => file.displayName) });
        const notifications = await notifyEach(tx, [
          [teachersWhoSee(teachers), { type: "assignment.brief_updated", title: `${assignment.code}: the student added ${stored.length === 1 ? "a file" : `${stored.length} files`}`, link: links.teacher(assignment.id) }],
        ]);
        return done({ fileIds, version: saved.version }, notifications);
      },
    }),
  );
}
