import type { Metadata } from "next";
import { AssignmentDetailView } from "@/components/assignments/assignment-detail-view";
import { DeliveryForm } from "@/components/assignments/delivery-form";
import { loadAssignmentDetail } from "@/components/assignments/load-detail";
import { OfferResponse } from "@/components/assignments/offer-response";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { respondToOfferAction } from "./actions";

export const metadata: Metadata = { title: "Assignment" };

export default async function TeacherAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("teacher");
  const { detail, timeZone } = await loadAssignmentDetail(actor, (await params).id);
  const { assignment } = detail;
  return (
    <AssignmentDetailView
      detail={detail}
      timeZone={timeZone}
      backHref="/teacher/assignments"
      actions={
        detail.actions.includes("accept_offer") ? (
          <Card title="Your offer">
            <OfferResponse action={respondToOfferAction} assignmentId={assignment.id} version={assignment.version} listHref="/teacher/assignments" />
          </Card>
        ) : null
      }
      afterDeliveries={
        detail.actions.includes("deliver") ? (
          <DeliveryForm assignmentId={assignment.id} version={assignment.version} serviceType={assignment.serviceType} maxBytes={serverEnv().UPLOAD_MAX_BYTES} />
        ) : null
      }
    />
  );
}
