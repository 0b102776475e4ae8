import type { Metadata } from "next";
import { assignmentTitle } from "@/app/(portal)/titles";
import { getDb } from "@/db/client";
import { orNotFound } from "@/app/(portal)/or-not-found";
import { StaffAssignmentDetail } from "@/components/assignments/staff-views";
import { getStaffAssignmentPage } from "@/lib/assignments/staff-assignment-page";
import { requireRole } from "@/lib/auth/session";
import { assignTeachersAction, cancelAssignmentAction, extendDueDateAction, removeHelperAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await assignmentTitle((await params).id) };
}

const actions = { assignTeachers: assignTeachersAction, removeHelper: removeHelperAction, extendDueDate: extendDueDateAction, cancel: cancelAssignmentAction };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("cs_rep");
  const data = await orNotFound(getStaffAssignmentPage(getDb(), actor, (await params).id));
  return <StaffAssignmentDetail base="/support" data={data} actions={actions} />;
}
