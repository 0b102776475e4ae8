import Link from "next/link";
import { CreditCard } from "lucide-react";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-list";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { StudentInvoiceLine } from "@/lib/invoices/student-queries";
import { formatMoney } from "@/lib/money/money";
import { dueDay } from "./due-day";

/** The student's invoices for this assignment: number, status, what is left, and Pay while open. */
export function AssignmentInvoices({ invoices }: { invoices: StudentInvoiceLine[] }) {
  if (invoices.length === 0) return null;
  return (
    <Card title={invoices.length === 1 ? "Invoice" : "Invoices"}>
      <ul className="divide-y divide-slate-100" data-testid="assignment-invoices">
        {invoices.map((invoice) => (
          <li key={invoice.id} className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid="assignment-invoice">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/student/invoices/${invoice.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {invoice.number ?? "Invoice"}
              </Link>
              <InvoiceStatusBadge status={invoice.status} />
              {invoice.overdue ? <Badge tone="red">Overdue</Badge> : null}
            </p>
            <p className="text-sm text-muted-foreground">
              {invoice.payable ? (
                <>
                  <span className="font-medium text-foreground">{formatMoney(invoice.balanceMinor, invoice.currency)}</span> left to pay, due {dueDay(invoice.dueDate)}
                </>
              ) : (
                <>Total {formatMoney(invoice.totalMinor, invoice.currency)}</>
              )}
            </p>
            {invoice.payable ? (
              <Link href={`/student/invoices/${invoice.id}`} className={buttonClass("default", "w-full sm:w-auto", "sm")}>
                <CreditCard aria-hidden="true" />
                Pay<span className="sr-only"> {invoice.number}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
