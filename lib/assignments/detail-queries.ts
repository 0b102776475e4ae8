import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignmentEvents, assignmentFiles, deliveries, examDetails, homeworkDetails, profiles, teacherAssignments, users, writingDetails, type Assignment, type TeacherAssignment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { availableActions } from "./available-actions";
import { isLive } from "./policy";
import { getAssignmentForActorOrThrow } from "./queries";

/** What students and teachers see of the teachers on an assignment: names only. */
export type TeacherOnAssignment = { name: string; role: TeacherAssignment["role"]; status: TeacherAssignment["status"] };
/** What staff see: every row, past ones included, with decline reasons. */
export type StaffTeacherRow = TeacherAssignment & { name: string; publicId: string };

// The reads below take an id the caller has already authorized through getAssignmentForActorOrThrow.

async function serviceDetails(db: Executor, assignment: Assignment) {
  const table = { writing: writingDetails, homework: homeworkDetails, exam: examDetails }[assignment.serviceType];
  const [row] = await db.select().from(table).where(eq(table.assignmentId, assignment.id));
  return row ? { serviceType: assignment.serviceType, ...row } : null;
}

function teacherRows(db: Executor, assignmentId: string) {
  return db
    .select({ row: teacherAssignments, name: profiles.fullName, publicId: profiles.publicId })
    .from(teacherAssignments)
    .innerJoin(profiles, eq(profiles.userId, teacherAssignments.teacherId))
    .where(eq(teacherAssignments.assignmentId, assignmentId))
    .orderBy(asc(teacherAssignments.role), asc(teacherAssignments.createdAt));
}

/** File metadata only: the storage key never leaves the server. */
function filesOf(db: Executor, assignmentId: string) {
  return db
    .select({ id: assignmentFiles.id, kind: assignmentFiles.kind, deliveryId: assignmentFiles.deliveryId, name: assignmentFiles.displayName, size: assignmentFiles.sizeBytes, mimeType: assignmentFiles.mimeType, createdAt: assignmentFiles.createdAt })
    .from(assignmentFiles)
    .where(eq(assignmentFiles.assignmentId, assignmentId))
    .orderBy(asc(assignmentFiles.createdAt), asc(assignmentFiles.id));
}

function timelineOf(db: Executor, assignmentId: string) {
  return db
    .select({ id: assignmentEvents.id, fromStatus: assignmentEvents.fromStatus, toStatus: assignmentEvents.toStatus, note: assignmentEvents.note, at: assignmentEvents.createdAt, actorName: profiles.fullName, actorRole: users.role })
    .from(assignmentEvents)
    .leftJoin(users, eq(users.id, assignmentEvents.actorId))
    .leftJoin(profiles, eq(profiles.userId, assignmentEvents.actorId))
    .where(eq(assignmentEvents.assignmentId, assignmentId))
    .orderBy(asc(assignmentEvents.createdAt), asc(assignmentEvents.id));
}

async function deliveriesOf(db: Executor, assignmentId: string) {
  const [rows, files] = await Promise.all([
    db
      .select({ delivery: deliveries, deliveredByName: profiles.fullName })
      .from(deliveries)
      .innerJoin(profiles, eq(profiles.userId, deliveries.deliveredBy))
      .where(eq(deliveries.assignmentId, assignmentId))
      .orderBy(desc(deliveries.version)),
    filesOf(db, assignmentId),
  ]);
  return rows.map(({ delivery, deliveredByName }) => ({ ...delivery, deliveredByName, files: files.filter((file) => file.deliveryId === delivery.id) }));
}

/** The status timeline: who moved the assignment, when, and why. */
export async function getTimeline(db: Executor, actor: Actor, assignmentId: string) {
  const assignment = await getAssignmentForActorOrThrow(db, actor, assignmentId);
  return timelineOf(db, assignment.id);
}

/** Every delivered version, newest first, with its files; earlier versions stay visible. */
export async function listDeliveries(db: Executor, actor: Actor, assignmentId: string) {
  const assignment = await getAssignmentForActorOrThrow(db, actor, assignmentId);
  return deliveriesOf(db, assignment.id);
}

/**
 * Everything one page shows. Staff see every teacher row (with decline reasons) and the student;
 * students and teachers see the current teachers' names only.
 */
export async function getAssignmentDetail(db: Executor, actor: Actor, assignmentId: string) {
  const assignment = await getAssignmentForActorOrThrow(db, actor, assignmentId);
  const staff = can(actor, "assignments:view-all");
  const [details, teachers, files, delivered, timeline, student] = await Promise.all([
    serviceDetails(db, assignment),
    teacherRows(db, assignment.id),
    filesOf(db, assignment.id),
    deliveriesOf(db, assignment.id),
    timelineOf(db, assignment.id),
    staff
      ? db.select({ name: profiles.fullName, publicId: profiles.publicId, email: users.email }).from(users).innerJoin(profiles, eq(profiles.userId, users.id)).where(eq(users.id, assignment.studentId))
      : Promise.resolve([]),
  ]);
  // Annotated, or TypeScript would merge the staff rows into the narrower shape.
  const teacherList: StaffTeacherRow[] | TeacherOnAssignment[] = staff
    ? teachers.map(({ row, name, publicId }) => ({ ...row, name, publicId }))
    : teachers.filter(({ row }) => isLive(row)).map(({ row, name }) => ({ name, role: row.role, status: row.status }));
  return {
    assignment,
    details,
    student: student[0] ?? null,
    teachers: teacherList,
    briefFiles: files.filter((file) => file.kind === "brief"),
    deliveries: delivered,
    timeline,
    actions: availableActions(actor, assignment, teachers.map(({ row }) => row)),
  };
}
