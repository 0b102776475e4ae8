import type { Metadata } from "next";
import { AddBriefFilesForm } from "@/components/assignments/add-brief-files-form";
import { AssignmentDetailView } from "@/components/assignments/assignment-detail-view";
import { CancelForm } from "@/components/assignments/cancel-form";
import { loadAssignmentDetail } from "@/components/assignments/load-detail";
import { EditInstructionsForm, ReviewDeliveryForms } from "@/components/assignments/student-actions";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { acceptDeliveryAction, cancelRequestAction, editInstructionsAction, requestRevisionAction } from "./actions";

export const metadata: Metadata = { title: "Assignment" };

export default async function StudentAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("student");
  const { detail, timeZone } = await loadAssignmentDetail(actor, (await params).id);
  const { assignment } = detail;
  const can = (action: (typeof detail.actions)[number]) => detail.actions.includes(action);
  const ref = { assignmentId: assignment.id, version: assignment.version };
  const actions = (
    <>
      {can("accept_delivery") ? (
        <Card title="Review the delivery">
          <ReviewDeliveryForms acceptAction={acceptDeliveryAction} revisionAction={requestRevisionAction} {...ref} />
        </Card>
      ) : null}
      {can("edit_brief") ? (
        <Card title="Edit request">
          <EditInstructionsForm action={editInstructionsAction} {...ref} instructions={assignment.instructions} />
        </Card>
      ) : null}
      {can("cancel") ? (
        <Card title="Cancel">
          <CancelForm action={cancelRequestAction} {...ref} trigger="Cancel request" description="The request is withdrawn and any teacher offered it is told. This cannot be undone." />
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
      addFiles={can("edit_brief") ? <AddBriefFilesForm assignmentId={assignment.id} version={assignment.version} maxBytes={serverEnv().UPLOAD_MAX_BYTES} /> : null}
    />
  );
}
