import Link from "next/link";
import type { AssignmentInvoice } from "@/lib/invoices/types";
import { formatMoney } from "@/lib/money/money";
import { Badge } from "@/components/ui/badge";
import { InvoiceStatusBadge } from "./invoice-list";

/** The invoices of one assignment, each with its status and what is left to pay, linked to its page. */
export function AssignmentInvoices({ invoices, invoicesPath }: { invoices: AssignmentInvoice[]; invoicesPath: string }) {
  if (invoices.length === 0) return <p className="text-sm text-slate-600">No invoices yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label="Invoices" data-testid="assignment-invoices">
      {invoices.map((invoice) => (
        <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="assignment-invoice" data-id={invoice.id}>
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`${invoicesPath}/${invoice.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {invoice.number ?? "Draft invoice"}
            </Link>
            <InvoiceStatusBadge status={invoice.status} />
            {invoice.overdue ? <Badge tone="red">Overdue</Badge> : null}
          </span>
          <span className="text-slate-600 tabular-nums">
            {invoice.status === "void" ? formatMoney(invoice.totalMinor, invoice.currency) : `${formatMoney(invoice.balanceMinor, invoice.currency)} due of ${formatMoney(invoice.totalMinor, invoice.currency)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
