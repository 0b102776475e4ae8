import type { Metadata } from "next";
import { StaffAssignmentDetail } from "@/components/assignments/staff-views";
import { requireRole } from "@/lib/auth/session";
import { assignTeachersAction, cancelAssignmentAction, extendDueDateAction, removeHelperAction } from "./actions";

export const metadata: Metadata = { title: "Assignment" };

const actions = { assignTeachers: assignTeachersAction, removeHelper: removeHelperAction, extendDueDate: extendDueDateAction, cancel: cancelAssignmentAction };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("cs_rep");
  return <StaffAssignmentDetail actor={actor} base="/support" assignmentId={(await params).id} actions={actions} />;
}
