"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { methodLabel, providerLabel } from "@/components/invoices/labels";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money/money";
import type { PaymentHistoryRow, PaymentStatus } from "@/lib/payments/history";
import { paymentStatusLabelFor } from "@/lib/payments/status-labels";
import { formatDateTime, formatDateTimeLong } from "@/lib/time/format";

const outcomeTone: Record<PaymentStatus, "gray" | "green" | "red" | "blue" | "amber"> = {
  pending: "amber",
  succeeded: "green",
  failed: "red",
  disputed: "red",
  refunded: "gray",
  partially_refunded: "gray",
  cancelled: "gray",
};

const methodOf = (row: PaymentHistoryRow) => (row.provider === "manual" ? (methodLabel[row.method ?? ""] ?? providerLabel.manual) : providerLabel[row.provider]);

function Moment({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTimeLong(at, timeZone)} className="whitespace-nowrap">
      {formatDateTime(at, timeZone)}
    </time>
  );
}

function Amount({ row }: { row: PaymentHistoryRow }) {
  return (
    <span className="tabular-nums">
      <span className="font-medium" data-testid="payment-row-amount">
        {formatMoney(row.amountMinor, row.currency)}
      </span>
      {row.refundedMinor > 0 ? <span className="block text-xs text-slate-600">{formatMoney(row.refundedMinor, row.currency)} refunded</span> : null}
    </span>
  );
}

function columns(staff: boolean, timeZone: string, invoicesPath: string): ColumnDef<PaymentHistoryRow>[] {
  const list: ColumnDef<PaymentHistoryRow>[] = [
    { id: "when", header: "When", cell: ({ row }) => <Moment at={row.original.createdAt} timeZone={timeZone} /> },
    {
      id: "invoice",
      header: "Invoice",
      cell: ({ row }) => (
        <Link href={`${invoicesPath}/${row.original.invoiceId}`} className="font-medium whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
          {row.original.invoiceNumber ?? "Draft invoice"}
        </Link>
      ),
    },
    ...(staff ? [{ id: "student", header: "Student", cell: ({ row }) => row.original.studentName ?? "—" } satisfies ColumnDef<PaymentHistoryRow>] : []),
    {
      id: "method",
      header: "Method",
      cell: ({ row }) => (
        <span className="block max-w-[16rem]">
          {methodOf(row.original)}
          <span className="block truncate font-mono text-xs text-slate-600" title={row.original.providerReference ?? row.original.receipt}>
            {row.original.providerReference ?? row.original.receipt}
          </span>
          {staff && row.original.recordedByName ? <span className="block text-xs text-slate-600">recorded by {row.original.recordedByName}</span> : null}
        </span>
      ),
    },
    {
      id: "status",
      header: "Outcome",
      cell: ({ row }) => (
        <span>
          <Badge tone={outcomeTone[row.original.status]}>{paymentStatusLabelFor(row.original.status, staff ? "staff" : "student")}</Badge>
          {row.original.disputeReason ? <span className="mt-1 block text-xs text-red-700">{row.original.disputeReason}</span> : null}
        </span>
      ),
    },
    { id: "amount", header: "Amount", meta: { className: "text-right" }, cell: ({ row }) => <Amount row={row.original} /> },
  ];
  // Newest first across pages, so one page is not re-sorted here.
  return list.map((column) => ({ ...column, enableSorting: false }));
}

export function PaymentTable({ rows, staff, timeZone, invoicesPath, empty }: { rows: PaymentHistoryRow[]; staff: boolean; timeZone: string; invoicesPath: string; empty: ReactNode }) {
  const cols = useMemo(() => columns(staff, timeZone, invoicesPath), [staff, timeZone, invoicesPath]);
  return (
    <DataTable
      columns={cols}
      data={rows}
      caption="Payments"
      getRowId={(row) => row.id}
      rowTestId="payment-row"
      rowData={(row) => ({ "data-id": row.id })}
      empty={empty}
      renderCard={(row) => (
        <div className="grid min-w-0 gap-1.5 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link href={`${invoicesPath}/${row.invoiceId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {row.invoiceNumber ?? "Draft invoice"}
            </Link>
            <Badge tone={outcomeTone[row.status]}>{paymentStatusLabelFor(row.status, staff ? "staff" : "student")}</Badge>
          </div>
          <Amount row={row} />
          <p className="text-slate-600">
            {methodOf(row)} · <span className="font-mono text-xs [overflow-wrap:anywhere]">{row.providerReference ?? row.receipt}</span>
          </p>
          {staff && row.studentName ? <p className="text-slate-600">Student: {row.studentName}</p> : null}
          <p className="text-xs text-slate-600">
            <Moment at={row.createdAt} timeZone={timeZone} />
            {staff && row.recordedByName ? <> · recorded by {row.recordedByName}</> : null}
          </p>
          {row.disputeReason ? <p className="text-red-700">{row.disputeReason}</p> : null}
        </div>
      )}
    />
  );
}
