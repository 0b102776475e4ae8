import type { Database, Executor } from "@/db/client";
import { assignmentEvents, assignments, examDetails, homeworkDetails, writingDetails } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { refuseUnverified } from "@/lib/auth/email-verification";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { publishNotifications } from "@/lib/notifications/publish";
import { publishDashboardChange } from "@/lib/dashboards/publish";
import { defaultFileStore, type FileStore } from "@/lib/storage";
import { taskKeys } from "@/lib/notifications/task-keys";
import { briefCapError, emptyBrief } from "./brief-cap";
import { activeCsRepIds, auditAssignment, notifyEach } from "./change-assignment";
import { insertFileRows, readFiles, withStoredFiles } from "./files";
import { links } from "./policy";
import { parseRequestInput, type RequestInput } from "./schemas";

type Requested = { assignmentId: string; code: string; version: number };

async function insertDetails(tx: Executor, assignmentId: string, request: RequestInput): Promise<void> {
  if (request.serviceType === "writing") {
    const d = request.details;
    await tx.insert(writingDetails).values({ assignmentId, academicLevel: d.academicLevel, pages: d.pages ?? null, wordCount: d.wordCount ?? null, citationStyle: d.citationStyle, paperType: d.paperType });
  } else if (request.serviceType === "homework") {
    await tx.insert(homeworkDetails).values({ assignmentId, problemCount: request.details.problemCount, courseLevel: request.details.courseLevel });
  } else {
    const d = request.details;
    await tx.insert(examDetails).values({ assignmentId, startsAt: d.examStartsAt, timeZone: d.examTimeZone, durationMinutes: d.durationMinutes, platform: d.platform, topics: d.topics });
  }
}

/** A student's request: the assignment, its service details and brief files, or nothing at all. */
export async function requestAssignment(db: Database, actor: Actor, input: unknown, files: FileStore = defaultFileStore()): Promise<ServiceResult<Requested>> {
  requirePermission(actor, "assignments:request");
  const unverified = await refuseUnverified(db, actor);
  if (unverified) return unverified;
  const parsed = parseRequestInput(input);
  const uploads = readFiles(input, files.maxUploadBytes);
  const overCap = uploads.ok ? briefCapError(emptyBrief, uploads.files) : undefined;
  if (!parsed.ok || !uploads.ok || overCap) {
    const fileErrors = uploads.ok ? (overCap ? { files: [overCap] } : {}) : uploads.fieldErrors;
    return fail("invalid", "Check the highlighted fields", { ...(parsed.ok ? {} : parsed.fieldErrors), ...fileErrors });
  }
  const request = parsed.data;
  const result = await withStoredFiles(files, uploads.files, (stored) =>
    db.transaction(async (tx) => {
      const [assignment] = await tx
        .insert(assignments)
        .values({ studentId: actor.id, serviceType: request.serviceType, title: request.title, subject: request.subject, instructions: request.instructions, dueAt: request.dueAt, dueTimeZone: request.timeZone })
        .returning();
      if (!assignment) throw new Error("insert into assignments returned nothing");
      await insertDetails(tx, assignment.id, request);
      await insertFileRows(tx, { assignmentId: assignment.id, uploadedBy: actor.id, kind: "brief" }, stored);
      await tx.insert(assignmentEvents).values({ assignmentId: assignment.id, fromStatus: null, toStatus: "submitted", actorId: actor.id });
      await auditAssignment(tx, actor, "assignment.requested", assignment, { serviceType: request.serviceType, files: stored.length });
      const notifications = await notifyEach(tx, [
        [await activeCsRepIds(tx), { type: "assignment.requested", title: `New request ${assignment.code}: ${request.title}`, body: `${actor.name} asked for ${request.serviceType} help.`, link: links.support(assignment.id), taskKey: taskKeys.assignTeacher(assignment.id) }],
      ]);
      return ok({ requested: { assignmentId: assignment.id, code: assignment.code, version: assignment.version }, notifications });
    }),
  );
  if (!result.ok) return result;
  await publishNotifications(result.data.notifications);
  await publishDashboardChange("assignments");
  return ok(result.data.requested);
}
