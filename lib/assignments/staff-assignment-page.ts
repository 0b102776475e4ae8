import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listInvoicesForAssignment } from "@/lib/invoices/queries";
import { getOwnProfile } from "@/lib/profiles/queries";
import { getAssignmentDetail } from "./detail-queries";
import { listAssignmentQueue, listAssignmentsForActor, listTeacherPicker } from "./queries";
import { assignmentListQuerySchema, queueQuerySchema } from "./schemas";

export type StaffAssignmentPage = Awaited<ReturnType<typeof getStaffAssignmentPage>>;
export type StaffAssignmentDetail = StaffAssignmentPage["detail"];
export type PickerTeacher = Awaited<ReturnType<typeof listTeacherPicker>>[number];

/**
 * Everything the CS rep's and admin's assignment page shows: the detail, the teachers to pick
 * from (only while teachers can be assigned), the assignment's invoices and the viewer's zone.
 */
export async function getStaffAssignmentPage(db: Executor, actor: Actor, assignmentId: string) {
  const [detail, own] = await Promise.all([getAssignmentDetail(db, actor, assignmentId), getOwnProfile(db, actor)]);
  const [teachers, invoices] = await Promise.all([
    detail.actions.includes("assign_teachers") ? listTeacherPicker(db, actor) : Promise.resolve([]),
    listInvoicesForAssignment(db, actor, detail.assignment.id),
  ]);
  return { detail, teachers, invoices, timeZone: own.profile.timeZone };
}

/** Staff's assignment list from the URL's parameters (search, status, service, page), newest first. */
export async function getStaffAssignmentList(db: Executor, actor: Actor, raw: Record<string, string | undefined>) {
  const query = assignmentListQuerySchema.parse(raw);
  const [list, own] = await Promise.all([listAssignmentsForActor(db, actor, query), getOwnProfile(db, actor)]);
  return { query, list, timeZone: own.profile.timeZone };
}

/** The queue of requests waiting for a teacher (from the URL's `page` and `olderThan`), oldest first. */
export async function getStaffQueue(db: Executor, actor: Actor, raw: Record<string, string | undefined>) {
  const query = queueQuerySchema.parse(raw);
  const [queue, own] = await Promise.all([listAssignmentQueue(db, actor, query.page, query.olderThan), getOwnProfile(db, actor)]);
  return { queue, query, timeZone: own.profile.timeZone };
}

export type StaffAssignmentList = Awaited<ReturnType<typeof getStaffAssignmentList>>;
export type StaffQueue = Awaited<ReturnType<typeof getStaffQueue>>;
export type StaffAssignmentRow = StaffAssignmentList["list"]["items"][number];
export type QueueRow = StaffQueue["queue"]["items"][number];
