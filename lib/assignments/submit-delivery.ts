import { eq, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deliveries, type ServiceType } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, type FieldErrors, type ServiceResult } from "@/lib/errors";
import { defaultFileStore, type FileStore } from "@/lib/storage";
import { parseInput } from "@/lib/validation";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { allow, auditAssignment, changeAssignment, done, invalidInput, notifyEach, saveChange } from "./change-assignment";
import { insertFileRows, readFiles, withStoredFiles } from "./files";
import { links, ownTeacherRow } from "./policy";
import { deliverySchema } from "./schemas";

type Delivered = { deliveryId: string; deliveryVersion: number; late: boolean; version: number };
type Content = { notes: string | null; textSolution?: string; examScore: string | null; examOutcome: string | null; fileCount: number };

/** What each service's delivery must hold: a paper's files, a homework's solution, an exam's result. */
function missingContent(service: ServiceType, content: Content): FieldErrors | undefined {
  if (service === "writing" && content.fileCount === 0) return { files: ["Attach the paper"] };
  if (service === "homework" && content.fileCount === 0 && !content.textSolution) return { textSolution: ["Write the solution or attach it as files"] };
  if (service === "exam" && !content.examScore && !content.examOutcome) return { examScore: ["Enter the score or the outcome"] };
  return undefined;
}

/**
 * The accepted primary teacher delivers a new version. Earlier versions stay; a delivery after
 * the due date is marked late by the server's clock, whatever the form says.
 */
export async function submitDelivery(db: Database, actor: Actor, input: unknown, files: FileStore = defaultFileStore()): Promise<ServiceResult<Delivered>> {
  requirePermission(actor, "assignments:deliver");
  const parsed = parseInput(deliverySchema, input);
  if (!parsed.ok) return invalidInput(parsed.fieldErrors);
  const uploads = readFiles(input, files.maxUploadBytes);
  if (!uploads.ok) return fail("invalid", "Check the highlighted fields", uploads.fieldErrors);
  const { assignmentId, expectedVersion, ...content } = parsed.data;

  return withStoredFiles(files, uploads.files, (stored) =>
    changeAssignment(db, actor, { assignmentId, expectedVersion }, {
      check: ({ assignment, teachers }) => {
        const own = ownTeacherRow(actor, teachers);
        if (own?.role !== "primary") return fail("forbidden", "Only the primary teacher delivers this assignment");
        if (own.status !== "accepted") return fail("conflict", "Accept the offer before delivering");
        const moved = allow("deliver", assignment.status);
        if (!moved.ok) return moved;
        const missing = missingContent(assignment.serviceType, { ...content, fileCount: stored.length });
        return missing ? fail("invalid", "The delivery is missing its content", missing) : moved;
      },
      apply: async (tx, { assignment }, moved) => {
        const [latest] = await tx.select({ version: max(deliveries.version) }).from(deliveries).where(eq(deliveries.assignmentId, assignment.id));
        const deliveryVersion = (latest?.version ?? 0) + 1;
        const late = Date.now() > assignment.dueAt.getTime();
        const exam = assignment.serviceType === "exam";
        const [delivery] = await tx
          .insert(deliveries)
          .values({
            assignmentId: assignment.id,
            version: deliveryVersion,
            notes: content.notes,
            textSolution: assignment.serviceType === "homework" ? (content.textSolution ?? null) : null,
            examScore: exam ? content.examScore : null,
            examOutcome: exam ? content.examOutcome : null,
            late,
            deliveredBy: actor.id,
          })
          .returning({ id: deliveries.id });
        if (!delivery) throw new Error("insert into deliveries returned nothing");
        await insertFileRows(tx, { assignmentId: assignment.id, uploadedBy: actor.id, kind: "delivery", deliveryId: delivery.id }, stored);
        const saved = await saveChange(tx, actor, assignment, { steps: moved.steps, note: `Version ${deliveryVersion}${late ? " (late)" : ""}` });
        await auditAssignment(tx, actor, "assignment.delivered", assignment, { deliveryVersion, late, files: stored.length });
        const resolved = await resolveTask(tx, taskKeys.deliverRevision(assignment.id));
        const notifications = await notifyEach(tx, [
          [[assignment.studentId], { type: "assignment.delivered", title: `${assignment.code} was delivered (version ${deliveryVersion})`, body: "Accept it or ask for a revision.", link: links.student(assignment.id), taskKey: taskKeys.reviewDelivery(assignment.id) }],
        ]);
        return done({ deliveryId: delivery.id, deliveryVersion, late, version: saved.version }, [...resolved, ...notifications]);
      },
    }),
  );
}
