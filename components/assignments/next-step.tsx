import { ArrowDown } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { AssignmentDetail, AssignmentStatus } from "@/lib/assignments/types";
import { FileLinks } from "./file-links";
import { When } from "./when";

const studentNext: Partial<Record<AssignmentStatus, string>> = {
  submitted: "A CS rep is matching a teacher to your request. You are notified as soon as one takes it on; until then you can still edit the instructions, add files or cancel.",
  assigned: "A teacher has been offered your request and is reading the brief. You are notified when they accept it.",
  in_progress: "Your teacher is working on it. You are notified when they deliver, and you review the delivery here.",
  revision_requested: "Your teacher is working on the revision you asked for. You are notified when the new version is delivered.",
  completed: "You accepted the delivery; the assignment is completed. Its files stay here for you to download.",
  cancelled: "This request was cancelled. Nothing more happens to it.",
};

/** For the student: what happens next, when nothing waits for them. */
export function StudentNextStep({ status }: { status: AssignmentStatus }) {
  const text = studentNext[status];
  if (!text) return null;
  return (
    <Card title="What happens next">
      <p className="text-sm text-muted-foreground" data-testid="next-step">
        {text}
      </p>
    </Card>
  );
}

/** The latest delivery's files, so the student can check them right where they accept. */
export function LatestDelivery({ detail, timeZone }: { detail: AssignmentDetail; timeZone: string }) {
  const latest = detail.deliveries[0];
  if (!latest) return null;
  return (
    <div className="mb-4 space-y-2 rounded-md bg-muted/60 p-3 text-sm">
      <p>
        <span className="font-medium">Version {latest.version}</span>, delivered <When at={latest.createdAt} timeZone={timeZone} />
      </p>
      <FileLinks files={latest.files} />
      <a href="#deliveries" className="inline-block text-brand-700 underline">
        Read the delivery in full
      </a>
    </div>
  );
}

/** For the primary teacher: the revision comments (when asked for) and a way down to the form. */
export function TeacherDeliverPrompt({ detail, timeZone }: { detail: AssignmentDetail; timeZone: string }) {
  const { assignment } = detail;
  const revision = assignment.status === "revision_requested" ? detail.timeline.findLast((event) => event.toStatus === "revision_requested") : undefined;
  const next = detail.deliveries.length + 1;
  return (
    <Card title={revision ? "Revision requested" : "Your next step"}>
      {revision?.note ? (
        <figure className="mb-3 rounded-md border-l-4 border-amber-400 bg-amber-50 p-3 text-sm">
          <blockquote className="whitespace-pre-wrap break-words text-slate-900" data-testid="revision-comments">
            {revision.note}
          </blockquote>
          <figcaption className="mt-1 text-xs text-slate-600">
            {revision.actorName ?? "The student"}, <When at={revision.at} timeZone={timeZone} />
          </figcaption>
        </figure>
      ) : null}
      <p className="text-sm text-muted-foreground">
        Deliver version {next} by <When at={assignment.dueAt} timeZone={timeZone} />. The student is notified and reviews it.
      </p>
      <a href="#deliver" className={buttonClass("default", "mt-3 w-full sm:w-auto")}>
        <ArrowDown aria-hidden="true" />
        Go to the delivery form
      </a>
    </Card>
  );
}
