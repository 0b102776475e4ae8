"use client";

// After shadcn/ui's Data Table guide (TanStack Table v8): sortable headers with aria-sort, a sticky
// header, and below the sm breakpoint a card per row so phones never scroll sideways.
import { useState, type ReactNode } from "react";
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState, type Row } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { cn } from "./cn";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** The column's name in the phone card layout (defaults to a string header). */
    label?: string;
    /** Extra classes on this column's <th> and <td>. */
    className?: string;
  }
}

export type { ColumnDef, SortingState } from "@tanstack/react-table";

type Props<TData> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<TData, any>[];
  data: TData[];
  /** Names the table for screen readers (visually hidden). */
  caption: string;
  /** One row as a card under the sm breakpoint; without it each row shows as label/value pairs. */
  renderCard?: (row: TData) => ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  getRowId?: (row: TData, index: number) => string;
  initialSorting?: SortingState;
  className?: string;
  /** data-testid on every row (<tr> and phone card), e.g. "user-row". */
  rowTestId?: string;
  /** Extra data-* attributes on every row (<tr> and phone card), e.g. { "data-email": … }. */
  rowData?: (row: TData) => Record<`data-${string}`, string>;
  /** Server-side sorting: the sort the rows already have (from the URL) and where a header click goes. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
};

const ariaSort = { asc: "ascending", desc: "descending" } as const;

export function DataTable<TData>({ columns, data, caption, renderCard, empty, getRowId, initialSorting = [], className, rowTestId, rowData, sorting: serverSorting, onSortingChange }: Props<TData>) {
  const [localSorting, setSorting] = useState<SortingState>(initialSorting);
  const manual = serverSorting !== undefined && onSortingChange !== undefined;
  const sorting = manual ? serverSorting : localSorting;
  // TanStack Table returns functions that change identity; the React Compiler lint knows this.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting },
    manualSorting: manual,
    onSortingChange: manual ? (updater) => onSortingChange(typeof updater === "function" ? updater(sorting) : updater) : setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  if (data.length === 0) {
    return <>{empty ?? <p className="rounded-xl border border-dashed px-4 py-10 text-center text-sm text-muted-foreground">No results.</p>}</>;
  }

  const rows = table.getRowModel().rows;

  return (
    <div className={className}>
      <div data-slot="data-table" className="hidden max-h-[min(75vh,56rem)] overflow-auto rounded-xl border bg-card shadow-xs sm:block">
        <table className="w-full caption-bottom text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 bg-slate-50 shadow-[inset_0_-1px_0_var(--border)]">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={canSort ? (sorted ? ariaSort[sorted] : "none") : undefined}
                      className={cn("h-10 px-3 text-left align-middle text-xs font-medium tracking-wide whitespace-nowrap text-muted-foreground uppercase", header.column.columnDef.meta?.className)}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="-mx-2 inline-flex h-8 items-center gap-1.5 rounded-md px-2 uppercase hover:bg-accent hover:text-accent-foreground"
                        >
                          {content}
                          {sorted === "asc" ? <ArrowUpIcon aria-hidden className="size-3.5" /> : sorted === "desc" ? <ArrowDownIcon aria-hidden className="size-3.5" /> : <ArrowUpDownIcon aria-hidden className="size-3.5 opacity-60" />}
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={rowTestId} {...rowData?.(row.original)} className="border-b transition-colors last:border-0 hover:bg-slate-50/70">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cn("px-3 py-3 align-middle", cell.column.columnDef.meta?.className)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-label={caption} className="grid gap-3 sm:hidden">
        {rows.map((row) => (
          <li key={row.id} data-testid={rowTestId} {...rowData?.(row.original)} className="min-w-0 rounded-xl border bg-card p-4 shadow-xs">
            {renderCard ? renderCard(row.original) : <AutoCard row={row} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AutoCard<TData>({ row }: { row: Row<TData> }) {
  return (
    <dl className="grid gap-2 text-sm">
      {row.getVisibleCells().map((cell) => {
        const def = cell.column.columnDef;
        const label = def.meta?.label ?? (typeof def.header === "string" ? def.header : cell.column.id);
        return (
          <div key={cell.id} className="grid min-w-0 grid-cols-[7rem_1fr] gap-2">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 break-words">{flexRender(def.cell, cell.getContext())}</dd>
          </div>
        );
      })}
    </dl>
  );
}
