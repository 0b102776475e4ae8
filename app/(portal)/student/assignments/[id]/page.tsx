import type { Metadata } from "next";
import { assignmentTitle } from "@/app/(portal)/titles";
import { AddBriefFilesForm } from "@/components/assignments/add-brief-files-form";
import { AssignmentDetailView } from "@/components/assignments/assignment-detail-view";
import { CancelForm } from "@/components/assignments/cancel-form";
import { briefLimitsHint } from "@/lib/assignments/brief-cap";
import { loadAssignmentDetail } from "@/lib/assignments/load-detail";
import { AssignmentInvoices } from "@/components/assignments/assignment-invoices";
import { LatestDelivery, StudentNextStep } from "@/components/assignments/next-step";
import { EditInstructionsForm, ReviewDeliveryForms } from "@/components/assignments/student-actions";
import { ScheduleMeetingLink } from "@/components/meetings/schedule-meeting-link";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/session";
import { listInvoicesForAssignment } from "@/lib/invoices/student-queries";
import { serverEnv } from "@/lib/env";
import { acceptDeliveryAction, cancelRequestAction, editInstructionsAction, requestRevisionAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await assignmentTitle((await params).id) };
}

export default async function StudentAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("student");
  const { detail, timeZone } = await loadAssignmentDetail(actor, (await params).id);
  const { assignment } = detail;
  const invoices = await listInvoicesForAssignment(getDb(), actor, assignment.id);
  const can = (action: (typeof detail.actions)[number]) => detail.actions.includes(action);
  const ref = { assignmentId: assignment.id, version: assignment.version };
  // What waits for the student comes first: the review, then anything to pay.
  const actions = (
    <>
      {can("accept_delivery") ? (
        <Card title="Review the delivery" id="review" className="scroll-mt-20">
          <LatestDelivery detail={detail} timeZone={timeZone} />
          <ReviewDeliveryForms acceptAction={acceptDeliveryAction} revisionAction={requestRevisionAction} {...ref} />
        </Card>
      ) : (
        <StudentNextStep status={assignment.status} />
      )}
      <AssignmentInvoices invoices={invoices} />
      {can("edit_brief") ? (
        <Card title="Edit request">
          <EditInstructionsForm action={editInstructionsAction} {...ref} instructions={assignment.instructions} />
        </Card>
      ) : null}
      {can("cancel") ? (
        <Card title="Cancel">
          <CancelForm
            action={cancelRequestAction}
            {...ref}
            trigger="Cancel request"
            title="Cancel this request?"
            description="The request is withdrawn and any teacher offered it is told. This cannot be undone."
            confirmLabel="Cancel request"
            cancelLabel="Keep request"
          />
        </Card>
      ) : null}
    </>
  );
  return (
    <AssignmentDetailView
      detail={detail}
      timeZone={timeZone}
      backHref="/student/assignments"
      actions={actions}
      // The form picks the teacher who accepted it (the link cannot name them: students see names only).
      meetingLink={detail.teachers.some((teacher) => teacher.status === "accepted") ? <ScheduleMeetingLink assignmentId={assignment.id} /> : null}
      addFiles={can("edit_brief") ? <AddBriefFilesForm assignmentId={assignment.id} version={assignment.version} maxBytes={serverEnv().UPLOAD_MAX_BYTES} limitsNote={briefLimitsHint} /> : null}
    />
  );
}
