import { listHref, Pagination } from "@/components/assignments/pagination";
import { InvoiceTotal } from "@/components/invoices/invoice-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import type { PaymentHistory } from "@/lib/payments/history";
import { PaymentTable } from "./payment-table";

type Props = { history: PaymentHistory; timeZone: string; path: string; invoicesPath: string };

/**
 * Every payment attempt the viewer may see, newest first (a student's own; staff everyone's):
 * outcome, provider, amount, invoice and, for staff, student and who recorded it.
 */
export function PaymentHistoryPage({ history, timeZone, path, invoicesPath }: Props) {
  const staff = history.forStaff;
  return (
    <>
      <PageHeader title="Payments" description={staff ? "Every payment attempt, newest first." : "Your payments, newest first."} />
      <Card>
        <InvoiceTotal total={history.total} noun="payment" />
        <PaymentTable rows={history.items} staff={staff} timeZone={timeZone} invoicesPath={invoicesPath} empty={<EmptyState title="No payments yet">Payments appear here as soon as they are made or recorded.</EmptyState>} />
        {history.items.length > 0 ? <Pagination page={history.page} pageCount={history.pageCount} href={(page) => listHref(path, { page })} /> : null}
      </Card>
    </>
  );
}
