import Link from "next/link";
import { listHref, Pagination } from "@/components/assignments/pagination";
import { InvoiceTotal } from "@/components/invoices/invoice-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import type { PaymentHistory } from "@/lib/payments/history";
import { paymentStatusLabelFor } from "@/lib/payments/status-labels";
import { PaymentTable } from "./payment-table";

type Props = { history: PaymentHistory; timeZone: string; path: string; invoicesPath: string };

/**
 * Every payment attempt the viewer may see, newest first (a student's own; staff everyone's):
 * outcome, provider, amount, invoice and, for staff, student and who recorded it.
 */
export function PaymentHistoryPage({ history, timeZone, path, invoicesPath }: Props) {
  const staff = history.forStaff;
  const status = history.status;
  const statusWords = status ? paymentStatusLabelFor(status, staff ? "staff" : "student").toLowerCase() : "";
  return (
    <>
      <PageHeader
        title="Payments"
        description={status ? `Payments that are ${statusWords}, newest first.` : staff ? "Every payment attempt, newest first." : "Your payments, newest first."}
        actions={status ? <Link href={path} className="text-sm text-brand-700 underline" data-testid="payments-show-all">Show all payments</Link> : null}
      />
      <Card>
        <InvoiceTotal total={history.total} capped={history.totalIsCapped} noun="payment" />
        <PaymentTable rows={history.items} staff={staff} timeZone={timeZone} invoicesPath={invoicesPath} empty={status ? <EmptyState title="No payments match">Nothing is {statusWords} right now.</EmptyState> : <EmptyState title="No payments yet">Payments appear here as soon as they are made or recorded.</EmptyState>} />
        {history.items.length > 0 ? <Pagination page={history.page} pageCount={history.pageCount} href={(page) => listHref(path, { status, page })} /> : null}
      </Card>
    </>
  );
}
