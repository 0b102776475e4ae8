import Link from "next/link";
import type { ReactNode } from "react";
import { AssignmentHeading, AssignmentSummary } from "./assignment-summary";
import { DeliveryList } from "./delivery-list";
import { FileLinks } from "./file-links";
import type { AssignmentDetail } from "@/lib/assignments/types";
import { ServiceDetails } from "./service-details";
import { TeacherList } from "./teacher-list";
import { Timeline } from "./timeline";

type Props = {
  detail: AssignmentDetail;
  timeZone: string;
  /** The list this page was reached from, in the same area. */
  backHref: string;
  /** The role's forms: first on a phone (right under the title), beside the request on a desktop. */
  actions?: ReactNode;
  /** The form to add brief files, for the student while the brief can change. */
  addFiles?: ReactNode;
  /** A form that works on the deliveries, placed after them (the teacher's delivery form). */
  afterDeliveries?: ReactNode;
  /** Beside the back link: the way to schedule a meeting about it, for those who may. */
  meetingLink?: ReactNode;
};

/** The sections every role sees; each role's page adds the forms its actions allow. */
export function AssignmentDetailView({ detail, timeZone, backHref, actions, addFiles, afterDeliveries, meetingLink }: Props) {
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {/* Not "← Assignments": a link named like the main navigation's would make its name ambiguous. */}
          <Link href={backHref} className="text-brand-700 underline">
            ← Back to the list
          </Link>
        </p>
        {meetingLink}
      </div>
      <AssignmentHeading detail={detail} />
      {/* The actions come first in the document (and so first on a phone and for keyboard users);
          on a desktop they sit at the top of the right column, beside the request. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:grid-rows-[auto_1fr]">
        {actions ? (
          <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1" data-testid="assignment-actions">
            {actions}
          </div>
        ) : null}
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <AssignmentSummary detail={detail} timeZone={timeZone} />
          <ServiceDetails details={detail.details} timeZone={timeZone} />
          {/* Not a Card: its aria-label would also answer getByLabel("Files"), meant for the file input. */}
          <section className="rounded-xl border bg-card p-4 shadow-xs sm:p-6">
            <h2 className="mb-4 text-base font-semibold text-foreground">Brief files</h2>
            {detail.briefFiles.length === 0 ? <p className="text-sm text-muted-foreground">No files attached.</p> : <FileLinks files={detail.briefFiles} />}
            {addFiles ? <div className="mt-4 border-t border-slate-100 pt-4">{addFiles}</div> : null}
          </section>
          <DeliveryList deliveries={detail.deliveries} timeZone={timeZone} />
          {afterDeliveries}
        </div>
        <div className={actions ? "min-w-0 space-y-6 lg:col-start-2 lg:row-start-2" : "min-w-0 space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1"}>
          <TeacherList teachers={detail.teachers} />
          <Timeline events={detail.timeline} timeZone={timeZone} />
        </div>
      </div>
    </>
  );
}
