"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef, type SortingState } from "@/components/ui/data-table";
import { assignmentSortColumns, type AssignmentListQuery, type AssignmentSortColumn } from "@/lib/assignments/schemas";
import type { AssignmentStatus, ServiceType } from "@/lib/assignments/types";
import { formatDateTime, formatDateTimeLong } from "@/lib/time/format";
import { serviceLabel, statusLabel, statusTone } from "./labels";
import { staffListHref } from "./staff-list-href";

/** A row of the staff list or of the queue (which adds declines and how close the due date is). */
export type StaffListRow = {
  id: string;
  code: string;
  title: string;
  subject: string;
  serviceType: ServiceType;
  status: AssignmentStatus;
  dueAt: Date;
  studentName: string | null;
  primaryTeacherName?: string | null;
  declines?: number;
  overdue?: boolean;
  dueSoon?: boolean;
};
type Row = StaffListRow;

function Due({ row, timeZone }: { row: Row; timeZone: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <time dateTime={row.dueAt.toISOString()} title={formatDateTimeLong(row.dueAt, timeZone)} className="whitespace-nowrap">
        {formatDateTime(row.dueAt, timeZone)}
      </time>
      {row.overdue ? <Badge tone="red">Overdue</Badge> : row.dueSoon ? <Badge tone="amber">Due soon</Badge> : null}
    </span>
  );
}

const declined = (n: number | undefined) => (n ? `Declined ${n === 1 ? "once" : `${n} times`}` : null);

const isSortColumn = (id: string): id is AssignmentSortColumn => (assignmentSortColumns as readonly string[]).includes(id);

function columns(basePath: string, timeZone: string, queue: boolean, sortable: boolean): ColumnDef<Row>[] {
  const list: ColumnDef<Row>[] = [
    {
      id: "title",
      header: "Assignment",
      cell: ({ row }) => (
        <span className="block max-w-[22rem]">
          <Link href={`${basePath}/${row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {row.original.title}
          </Link>
          <span className="block text-xs text-slate-600">
            <span className="font-mono">{row.original.code}</span> · {serviceLabel[row.original.serviceType]} · {row.original.subject}
          </span>
        </span>
      ),
    },
    { id: "student", header: "Student", cell: ({ row }) => row.original.studentName ?? "—" },
    queue
      ? { id: "declines", header: "Offers", cell: ({ row }) => declined(row.original.declines) ?? "None declined" }
      : { id: "teacher", header: "Teacher", cell: ({ row }) => row.original.primaryTeacherName ?? <span className="text-slate-600">None yet</span> },
    { id: "status", header: "Status", cell: ({ row }) => <Badge tone={statusTone[row.original.status]}>{statusLabel[row.original.status]}</Badge> },
    { id: "due", header: "Due", cell: ({ row }) => <Due row={row.original} timeZone={timeZone} /> },
  ];
  // Sorting is the server's, across pages: only the list's sort columns take a header click, and
  // the queue keeps its oldest-first order (that order is the point of a queue). A first click sorts
  // A→Z, soonest due first, or in the workflow's order.
  // TanStack lets only columns with an accessor sort; the order itself comes from the server.
  return list.map((column) => (sortable && column.id && isSortColumn(column.id) ? { ...column, accessorFn: () => 0, sortDescFirst: false } : { ...column, enableSorting: false }));
}

type Props = {
  rows: Row[];
  basePath: string;
  timeZone: string;
  queue?: boolean;
  caption: string;
  empty: ReactNode;
  /** The list's query: with it, headers sort on the server through the URL (back to page 1). */
  query?: AssignmentListQuery;
};

/** Staff's assignments or queue as a table; on a phone, a card per assignment. */
export function StaffAssignmentTable({ rows, basePath, timeZone, queue = false, caption, empty, query }: Props) {
  const router = useRouter();
  const sortable = Boolean(query) && !queue;
  const cols = useMemo(() => columns(basePath, timeZone, queue, sortable), [basePath, timeZone, queue, sortable]);
  // "created" has no header of its own: sorted by it, no header shows a direction.
  const sorting: SortingState = query?.sort && query.sort !== "created" ? [{ id: query.sort, desc: query.dir === "desc" }] : [];
  const sortBy = (next: SortingState) => {
    const [first] = next;
    const sort = first && isSortColumn(first.id) ? first.id : undefined;
    router.push(staffListHref(basePath, { ...query, sort, dir: sort ? (first?.desc ? "desc" : "asc") : undefined, page: 1 }));
  };
  return (
    <DataTable
      columns={cols}
      data={rows}
      caption={caption}
      getRowId={(row) => row.id}
      rowTestId="assignment-row"
      rowData={(row) => ({ "data-code": row.code })}
      sorting={sortable ? sorting : undefined}
      onSortingChange={sortable ? sortBy : undefined}
      empty={empty}
      renderCard={(row) => (
        <div className="grid min-w-0 gap-1.5 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <Link href={`${basePath}/${row.id}`} className="min-w-0 font-medium text-brand-700 underline-offset-2 [overflow-wrap:anywhere] hover:underline">
              {row.title}
            </Link>
            <Badge tone={statusTone[row.status]}>{statusLabel[row.status]}</Badge>
          </div>
          <p className="text-slate-600">
            <span className="font-mono text-xs">{row.code}</span> · {serviceLabel[row.serviceType]} · {row.subject}
          </p>
          <p className="text-slate-600">
            Student: {row.studentName ?? "—"}
            {queue ? (declined(row.declines) ? ` · ${declined(row.declines)}` : "") : ` · Teacher: ${row.primaryTeacherName ?? "none yet"}`}
          </p>
          <p className="text-slate-600">
            Due <Due row={row} timeZone={timeZone} />
          </p>
        </div>
      )}
    />
  );
}
