"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { listHref } from "@/components/assignments/pagination";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef, type SortingState } from "@/components/ui/data-table";
import { assignmentColumn } from "./assignment-column";
import { invoiceSortColumns, type InvoiceSortColumn } from "@/lib/invoices/schemas";
import type { InvoiceListItem } from "@/lib/invoices/types";
import { formatMoney } from "@/lib/money/money";
import { InvoiceStatusBadge } from "./invoice-list";
import { formatDay } from "./labels";

type Sort = { sort?: InvoiceSortColumn; dir?: "asc" | "desc" };
type Props = {
  rows: InvoiceListItem[];
  basePath: string;
  empty: ReactNode;
  /** The list's sort from the URL. */
  sort: Sort;
  /** The list's filters, kept in the URL when a header click sorts (back on page 1). */
  filters: Record<string, string | undefined>;
};

const balanceOf = (row: InvoiceListItem) => (row.status === "void" ? 0 : row.balanceMinor);

function Status({ row }: { row: InvoiceListItem }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <InvoiceStatusBadge status={row.status} />
      {row.overdue ? <Badge tone="red">Overdue</Badge> : null}
    </span>
  );
}

const isSortColumn = (id: string): id is InvoiceSortColumn => (invoiceSortColumns as readonly string[]).includes(id);
// A first click puts the largest totals on top; due dates and statuses start from the earliest.
const descFirst: Partial<Record<InvoiceSortColumn, boolean>> = { total: true, due: false, status: false };

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
    assignmentColumn<InvoiceListItem>(),
    { id: "student", header: "Student", cell: ({ row }) => row.original.studentName },
    { id: "status", header: "Status", cell: ({ row }) => <Status row={row.original} /> },
    { id: "total", header: "Total", meta: { className: "text-right" }, cell: ({ row }) => <span className="tabular-nums" data-testid="invoice-row-amount">{formatMoney(row.original.totalMinor, row.original.currency)}</span> },
    { id: "balance", header: "Balance", meta: { className: "text-right" }, cell: ({ row }) => <span className="tabular-nums">{formatMoney(balanceOf(row.original), row.original.currency)}</span> },
    { id: "due", header: "Due", cell: ({ row }) => <span className="whitespace-nowrap">{formatDay(row.original.dueDate)}</span> },
  ];
  // Sorting is the server's, across pages (newest first by default): only its columns take a click.
  // TanStack lets only columns with an accessor sort; the order itself comes from the server.
  return list.map((column) => (column.id && isSortColumn(column.id) ? { ...column, accessorFn: () => 0, sortDescFirst: descFirst[column.id] } : { ...column, enableSorting: false }));
}

/** Staff's invoices as a table, sorted on the server through the URL; on a phone, a card per invoice. */
export function InvoiceTable({ rows, basePath, empty, sort, filters }: Props) {
  const router = useRouter();
  const cols = useMemo(() => columns(basePath), [basePath]);
  // "created" has no header of its own: sorted by it, no header shows a direction.
  const sorting: SortingState = sort.sort && sort.sort !== "created" ? [{ id: sort.sort, desc: sort.dir === "desc" }] : [];
  const sortBy = (next: SortingState) => {
    const [first] = next;
    const column = first && isSortColumn(first.id) ? first.id : undefined;
    router.push(listHref(basePath, { ...filters, sort: column, dir: column ? (first?.desc ? "desc" : "asc") : undefined }));
  };
  return (
    <DataTable
      columns={cols}
      data={rows}
      caption="Invoices"
      getRowId={(row) => row.id}
      rowTestId="invoice-row"
      rowData={(row) => ({ "data-id": row.id, "data-number": row.number ?? "" })}
      sorting={sorting}
      onSortingChange={sortBy}
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
