"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { InvoiceListItem } from "@/lib/invoices/types";
import { formatMoney } from "@/lib/money/money";
import { InvoiceStatusBadge } from "./invoice-list";
import { formatDay } from "./labels";

type Props = { rows: InvoiceListItem[]; basePath: string; empty: ReactNode };

const balanceOf = (row: InvoiceListItem) => (row.status === "void" ? 0 : row.balanceMinor);

function Status({ row }: { row: InvoiceListItem }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <InvoiceStatusBadge status={row.status} />
      {row.overdue ? <Badge tone="red">Overdue</Badge> : null}
    </span>
  );
}

function columns(basePath: string): ColumnDef<InvoiceListItem>[] {
  const list: ColumnDef<InvoiceListItem>[] = [
    {
      id: "number",
      header: "Invoice",
      cell: ({ row }) => (
        <Link href={`${basePath}/${row.original.id}`} className="font-medium whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
          {row.original.number ?? "Draft invoice"}
        </Link>
      ),
    },
    {
      id: "assignment",
      header: "Assignment",
      cell: ({ row }) => (
        <span className="block max-w-[18rem] truncate" title={row.original.assignmentTitle}>
          <span className="font-mono text-xs">{row.original.assignmentCode}</span> · {row.original.assignmentTitle}
        </span>
      ),
    },
    { id: "student", header: "Student", cell: ({ row }) => row.original.studentName },
    { id: "status", header: "Status", cell: ({ row }) => <Status row={row.original} /> },
    { id: "total", header: "Total", meta: { className: "text-right" }, cell: ({ row }) => <span className="tabular-nums" data-testid="invoice-row-amount">{formatMoney(row.original.totalMinor, row.original.currency)}</span> },
    { id: "balance", header: "Balance", meta: { className: "text-right" }, cell: ({ row }) => <span className="tabular-nums">{formatMoney(balanceOf(row.original), row.original.currency)}</span> },
    { id: "due", header: "Due", cell: ({ row }) => <span className="whitespace-nowrap">{formatDay(row.original.dueDate)}</span> },
  ];
  // Server order (newest first) across pages, so one page is not re-sorted here.
  return list.map((column) => ({ ...column, enableSorting: false }));
}

/** Staff's invoices as a table; on a phone, a card per invoice. */
export function InvoiceTable({ rows, basePath, empty }: Props) {
  const cols = useMemo(() => columns(basePath), [basePath]);
  return (
    <DataTable
      columns={cols}
      data={rows}
      caption="Invoices"
      getRowId={(row) => row.id}
      rowTestId="invoice-row"
      rowData={(row) => ({ "data-id": row.id, "data-number": row.number ?? "" })}
      empty={empty}
      renderCard={(row) => (
        <div className="grid min-w-0 gap-1.5 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link href={`${basePath}/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {row.number ?? "Draft invoice"}
            </Link>
            <Status row={row} />
          </div>
          <p className="text-slate-700 [overflow-wrap:anywhere]">
            <span className="font-mono text-xs">{row.assignmentCode}</span> · {row.assignmentTitle}
          </p>
          <p className="text-slate-600">Student: {row.studentName}</p>
          <p className="flex flex-wrap gap-x-3 text-slate-600">
            <span>
              Total <span className="font-medium text-slate-900 tabular-nums">{formatMoney(row.totalMinor, row.currency)}</span>
            </span>
            <span>Balance {formatMoney(balanceOf(row), row.currency)}</span>
            <span>Due {formatDay(row.dueDate)}</span>
          </p>
        </div>
      )}
    />
  );
}
