import type { Metadata } from "next";
import { assignmentTitle } from "@/app/(portal)/titles";
import { AssignmentDetailView } from "@/components/assignments/assignment-detail-view";
import { DeliveryForm } from "@/components/assignments/delivery-form";
import { loadAssignmentDetail } from "@/lib/assignments/load-detail";
import { TeacherDeliverPrompt } from "@/components/assignments/next-step";
import { OfferResponse } from "@/components/assignments/offer-response";
import { ScheduleMeetingLink } from "@/components/meetings/schedule-meeting-link";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { sharedAssignmentIds } from "@/lib/meetings/policy";
import { requireRole } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { respondToOfferAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await assignmentTitle((await params).id) };
}

export default async function TeacherAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("teacher");
  const { detail, timeZone } = await loadAssignmentDetail(actor, (await params).id);
  const { assignment } = detail;
  const deliver = detail.actions.includes("deliver");
  // Only a teacher who accepted the work meets its student.
  const mayMeet = (await sharedAssignmentIds(getDb(), actor.id, assignment.studentId)).has(assignment.id);
  // The answer to an offer, or the way to the delivery form, sits first: on a phone, above the brief.
  const actions = detail.actions.includes("accept_offer") ? (
    <Card title="Your offer">
      <OfferResponse action={respondToOfferAction} assignmentId={assignment.id} version={assignment.version} listHref="/teacher/assignments" />
    </Card>
  ) : deliver ? (
    <TeacherDeliverPrompt detail={detail} timeZone={timeZone} />
  ) : null;
  return (
    <AssignmentDetailView
      detail={detail}
      timeZone={timeZone}
      backHref="/teacher/assignments"
      actions={actions}
      meetingLink={mayMeet ? <ScheduleMeetingLink assignmentId={assignment.id} inviteeId={assignment.studentId} /> : null}
      afterDeliveries={
        deliver ? <DeliveryForm assignmentId={assignment.id} version={assignment.version} serviceType={assignment.serviceType} maxBytes={serverEnv().UPLOAD_MAX_BYTES} /> : null
      }
    />
  );
}
