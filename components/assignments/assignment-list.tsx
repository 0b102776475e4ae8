import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { AssignmentStatus, ServiceType } from "@/lib/assignments/types";
import { serviceLabel, statusLabel, statusTone } from "./labels";
import { When } from "./when";

export type AssignmentRow = {
  id: string;
  code: string;
  title: string;
  subject: string;
  serviceType: ServiceType;
  status: AssignmentStatus;
  dueAt: Date;
  /** Who else is on it, as this viewer may see it ("Student: Ana Lima"). */
  meta?: string | null;
  /** Badges beside the status (an offer, a due date close by). */
  extra?: ReactNode;
};

/** One line per assignment; a list rather than a table so it reads on a phone without scrolling. */
export function AssignmentList({ rows, basePath, timeZone, label }: { rows: AssignmentRow[]; basePath: string; timeZone: string; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {rows.map((row) => (
        <li key={row.id} data-testid="assignment-row" data-code={row.code} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4">
          <div className="min-w-0">
            <Link href={`${basePath}/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {row.title}
            </Link>
            <p className="mt-0.5 text-sm text-slate-600">
              <span className="font-mono text-xs">{row.code}</span> · {serviceLabel[row.serviceType]} · {row.subject}
              {row.meta ? <> · {row.meta}</> : null}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
            <Badge tone={statusTone[row.status]}>{statusLabel[row.status]}</Badge>
            {row.extra}
            <span className="text-slate-600">
              Due <When at={row.dueAt} timeZone={timeZone} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The total, announced when a search changes it. */
/** `capped`: the count stopped at `total` (the deepest page reachable), so "more than". */
export function ListTotal({ total, noun = "assignment", capped = false }: { total: number; noun?: string; capped?: boolean }) {
  return (
    <p role="status" aria-live="polite" className="mb-2 text-sm text-slate-600" data-testid="assignment-total">
      {capped ? `More than ${total.toLocaleString("en")} ${noun}s` : total === 1 ? `1 ${noun}` : `${total.toLocaleString("en")} ${noun}s`}
    </p>
  );
}
