"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { assignmentColumn } from "./assignment-column";
import type { ApprovalQueueItem } from "@/lib/invoices/types";
import { formatMoney } from "@/lib/money/money";
import { formatDateTime, formatDateTimeLong } from "@/lib/time/format";

function Submitted({ at, timeZone }: { at: Date | null; timeZone: string }) {
  if (!at) return null;
  return (
    <time dateTime={at.toISOString()} title={formatDateTimeLong(at, timeZone)} className="whitespace-nowrap">
      {formatDateTime(at, timeZone)}
    </time>
  );
}

function columns(timeZone: string): ColumnDef<ApprovalQueueItem>[] {
  const list: ColumnDef<ApprovalQueueItem>[] = [
    {
      id: "invoice",
      header: "Invoice",
      cell: ({ row }) => (
        <Link href={`/admin/invoices/${row.original.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {formatMoney(row.original.totalMinor, row.original.currency)} for {row.original.studentName}
        </Link>
      ),
    },
    assignmentColumn<ApprovalQueueItem>(),
    { id: "draftedBy", header: "Drafted by", cell: ({ row }) => row.original.draftedByName ?? "—" },
    { id: "submitted", header: "Submitted", cell: ({ row }) => <Submitted at={row.original.submittedAt} timeZone={timeZone} /> },
  ];
  // Oldest submission first across pages, as the queue is worked.
  return list.map((column) => ({ ...column, enableSorting: false }));
}

export function ApprovalTable({ rows, timeZone, empty }: { rows: ApprovalQueueItem[]; timeZone: string; empty: ReactNode }) {
  const cols = useMemo(() => columns(timeZone), [timeZone]);
  return (
    <DataTable
      columns={cols}
      data={rows}
      caption="Approval queue"
      getRowId={(row) => row.id}
      rowTestId="invoice-row"
      rowData={(row) => ({ "data-id": row.id })}
      empty={empty}
      renderCard={(row) => (
        <div className="grid min-w-0 gap-1.5 text-sm">
          <Link href={`/admin/invoices/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {formatMoney(row.totalMinor, row.currency)} for {row.studentName}
          </Link>
          <p className="text-slate-700 [overflow-wrap:anywhere]">
            <span className="font-mono text-xs">{row.assignmentCode}</span> · {row.assignmentTitle}
          </p>
          <p className="text-slate-600">
            {row.draftedByName ? <>Drafted by {row.draftedByName} · </> : null}
            Submitted <Submitted at={row.submittedAt} timeZone={timeZone} />
          </p>
        </div>
      )}
    />
  );
}
