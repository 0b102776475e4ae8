import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { serviceLabel, statusLabel, statusTone } from "./labels";
import type { AssignmentDetail } from "@/lib/assignments/types";
import { When } from "./when";

/** Code, status and the request itself; staff also see who asked. */
export function AssignmentSummary({ detail, timeZone }: { detail: AssignmentDetail; timeZone: string }) {
  const { assignment, student } = detail;
  return (
    <Card title="Request">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Service</dt>
          <dd className="mt-0.5">{serviceLabel[assignment.serviceType]}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Subject</dt>
          <dd className="mt-0.5">{assignment.subject}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Due</dt>
          <dd className="mt-0.5" data-testid="assignment-due">
            <When at={assignment.dueAt} timeZone={timeZone} withZone />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Requested</dt>
          <dd className="mt-0.5">
            <When at={assignment.createdAt} timeZone={timeZone} withZone />
          </dd>
        </div>
        {student ? (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Student</dt>
            <dd className="mt-0.5" data-testid="assignment-student">
              {student.name} · <span className="font-mono text-xs">{student.publicId}</span> · <span className="break-all">{student.email}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      <h3 className="mt-5 text-sm font-semibold text-slate-700">Instructions</h3>
      {/* Plain text, never HTML; line breaks kept. */}
      <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900" data-testid="assignment-instructions">
        {assignment.instructions}
      </p>
    </Card>
  );
}

/** The line under the title: code and status, both stable hooks for tests and screen readers. */
export function AssignmentHeading({ detail }: { detail: AssignmentDetail }) {
  const { assignment } = detail;
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight break-words">{assignment.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-mono" data-testid="assignment-code">
          {assignment.code}
        </span>
        <span data-testid="assignment-status">
          <Badge tone={statusTone[assignment.status]}>{statusLabel[assignment.status]}</Badge>
        </span>
      </p>
    </div>
  );
}
