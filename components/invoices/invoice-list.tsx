import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { InvoiceStatus } from "@/lib/invoices/types";
import { formatMoney } from "@/lib/money/money";
import { formatDay, statusLabel, statusTone } from "./labels";

export type InvoiceRow = {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  totalMinor: number;
  balanceMinor: number;
  dueDate: string;
  overdue: boolean;
  assignmentCode: string;
  assignmentTitle: string;
  /** Who else it concerns, as this viewer may see it ("Student: Ana Lima"). */
  meta?: string | null;
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>;
}

/** One line per invoice; a list rather than a table so it reads on a phone. */
export function InvoiceList({ rows, basePath, label }: { rows: InvoiceRow[]; basePath: string; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {rows.map((row) => (
        <li key={row.id} data-testid="invoice-row" data-id={row.id} data-number={row.number ?? ""} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4">
          <div className="min-w-0">
            <Link href={`${basePath}/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {row.number ?? "Draft invoice"}
            </Link>
            <p className="mt-0.5 text-sm text-slate-600">
              <span className="font-mono text-xs">{row.assignmentCode}</span> · {row.assignmentTitle}
              {row.meta ? <> · {row.meta}</> : null}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
            <InvoiceStatusBadge status={row.status} />
            {row.overdue ? <Badge tone="red">Overdue</Badge> : null}
            <span className="font-medium" data-testid="invoice-row-amount">
              {formatMoney(row.totalMinor, row.currency)}
            </span>
            {row.balanceMinor > 0 && row.balanceMinor !== row.totalMinor && row.status !== "void" ? <span className="text-slate-600">({formatMoney(row.balanceMinor, row.currency)} due)</span> : null}
            <span className="text-slate-600">Due {formatDay(row.dueDate)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** `capped`: the count stopped at `total` (the deepest page reachable), so "more than". */
export function InvoiceTotal({ total, noun = "invoice", capped = false }: { total: number; noun?: string; capped?: boolean }) {
  return (
    <p role="status" aria-live="polite" className="mb-2 text-sm text-slate-600" data-testid="invoice-total-count">
      {capped ? `More than ${total.toLocaleString("en")} ${noun}s` : total === 1 ? `1 ${noun}` : `${total.toLocaleString("en")} ${noun}s`}
    </p>
  );
}
