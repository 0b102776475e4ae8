import Link from "next/link";
import { When } from "@/components/assignments/when";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { InvoiceTotal } from "@/components/invoices/invoice-list";
import { methodLabel, providerLabel } from "@/components/invoices/labels";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { PaymentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { formatMoney } from "@/lib/money/money";
import { listPaymentHistory } from "@/lib/payments/history";
import { getOwnProfile } from "@/lib/profiles/queries";

const outcomeLabel: Record<PaymentStatus, string> = {
  pending: "Pending",
  succeeded: "Received",
  failed: "Failed",
  disputed: "Disputed",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
  cancelled: "Cancelled",
};
const outcomeTone: Record<PaymentStatus, "gray" | "green" | "red" | "blue" | "amber"> = {
  pending: "amber",
  succeeded: "green",
  failed: "red",
  disputed: "red",
  refunded: "gray",
  partially_refunded: "gray",
  cancelled: "gray",
};

/**
 * Every payment attempt the viewer may see, newest first (a student's own; staff everyone's):
 * outcome, provider, amount, invoice and, for staff, student and who recorded it.
 */
export async function PaymentHistoryPage({ actor, path, invoicesPath, searchParams }: { actor: Actor; path: string; invoicesPath: string; searchParams: Record<string, string | string[] | undefined> }) {
  const pageParam = Number(firstValues(searchParams).page);
  const db = getDb();
  const [history, own] = await Promise.all([listPaymentHistory(db, actor, { page: Number.isInteger(pageParam) ? pageParam : 1 }), getOwnProfile(db, actor)]);
  const timeZone = own.profile.timeZone;
  const staff = can(actor, "invoices:view-all");
  return (
    <>
      <PageHeader title="Payments" description={staff ? "Every payment attempt, newest first." : "Your payments, newest first."} />
      <Card>
        <InvoiceTotal total={history.total} noun="payment" />
        {history.items.length === 0 ? (
          <EmptyState title="No payments yet">Payments appear here as soon as they are made or recorded.</EmptyState>
        ) : (
          <ul aria-label="Payments" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {history.items.map((row) => (
              <li key={row.id} data-testid="payment-row" data-id={row.id} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4">
                <div className="min-w-0">
                  <Link href={`${invoicesPath}/${row.invoiceId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {row.invoiceNumber ?? "Draft invoice"}
                  </Link>
                  <p className="mt-0.5 text-sm text-slate-600">
                    {row.provider === "manual" ? (methodLabel[row.method ?? ""] ?? providerLabel.manual) : providerLabel[row.provider]}
                    {row.providerReference ? <> · <span className="break-all font-mono text-xs">{row.providerReference}</span></> : null}
                    {staff && row.studentName ? <> · Student: {row.studentName}</> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    <When at={row.createdAt} timeZone={timeZone} />
                    {staff && row.recordedByName ? <> · recorded by {row.recordedByName}</> : null}
                  </p>
                  {row.disputeReason ? <p className="mt-1 text-sm text-red-700">{row.disputeReason}</p> : null}
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
                  <Badge tone={outcomeTone[row.status]}>{outcomeLabel[row.status]}</Badge>
                  <span className="font-medium tabular-nums" data-testid="payment-row-amount">
                    {formatMoney(row.amountMinor, row.currency)}
                  </span>
                  {row.refundedMinor > 0 ? <span className="text-slate-600">({formatMoney(row.refundedMinor, row.currency)} refunded)</span> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={history.page} pageCount={history.pageCount} href={(page) => listHref(path, { page })} />
      </Card>
    </>
  );
}
