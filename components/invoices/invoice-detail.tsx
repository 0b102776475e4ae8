import { When } from "@/components/assignments/when";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money/money";
import { formatDay, methodLabel, providerLabel, statusLabel } from "./labels";
import { InvoiceStatusBadge } from "./invoice-list";
import type { InvoiceDetail } from "@/lib/invoices/types";
import { paymentStatusLabelFor } from "@/lib/payments/status-labels";

/** Number and status under the title: stable hooks for tests and screen readers. */
export function InvoiceHeading({ detail, assignmentHref }: { detail: InvoiceDetail; /** Links the assignment line to its page in the viewer's area. */ assignmentHref?: string }) {
  const { invoice, assignment } = detail;
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">
        Invoice <span data-testid="invoice-number">{invoice.number ?? "Draft"}</span>
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span data-testid="invoice-status">
          <InvoiceStatusBadge status={invoice.status} />
        </span>
        {invoice.overdue ? <Badge tone="red">Overdue</Badge> : null}
        {assignment ? (
          <span>
            for{" "}
            {assignmentHref ? (
              <a href={assignmentHref} className="text-brand-700 underline" data-testid="invoice-assignment-link">
                <span className="font-mono text-xs">{assignment.code}</span> · {assignment.title}
              </a>
            ) : (
              <>
                <span className="font-mono text-xs">{assignment.code}</span> · {assignment.title}
              </>
            )}
          </span>
        ) : null}
        {invoice.number && invoice.status !== "draft" && invoice.status !== "pending_approval" ? (
          <a href={`/api/invoices/${invoice.id}/pdf`} download className="text-brand-700 underline" data-testid="invoice-pdf">
            Download PDF
          </a>
        ) : null}
      </p>
    </div>
  );
}

/** Line items with the server's total, what is paid and what is left. */
export function InvoiceItems({ detail }: { detail: InvoiceDetail }) {
  const { invoice, items } = detail;
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  return (
    <Card title="Items">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Description</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Quantity</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Unit price</th>
              <th scope="col" className="py-2 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => (
              <tr key={item.id} data-testid="invoice-item">
                <td className="py-2 pr-3 break-words">{item.description}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{item.quantity}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{money(item.unitPriceMinor)}</td>
                <td className="py-2 text-right tabular-nums">{money(item.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="mt-4 grid gap-1 border-t border-slate-100 pt-3 text-sm sm:ml-auto sm:w-72">
        <div className="flex justify-between">
          <dt className="text-slate-600">Total</dt>
          <dd className="font-semibold tabular-nums" data-testid="invoice-amount">{money(invoice.totalMinor)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-600">Paid</dt>
          <dd className="tabular-nums" data-testid="invoice-paid">{money(invoice.paidMinor)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-600">Balance</dt>
          <dd className="font-semibold tabular-nums" data-testid="invoice-balance">{money(invoice.status === "void" ? 0 : invoice.balanceMinor)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-slate-600">Due</dt>
          <dd data-testid="invoice-due">{formatDay(invoice.dueDate)}</dd>
        </div>
      </dl>
      {invoice.notes ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">Notes</h3>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{invoice.notes}</p>
        </>
      ) : null}
    </Card>
  );
}

export function InvoicePayments({ detail, timeZone, staff = false }: { detail: InvoiceDetail; timeZone: string; staff?: boolean }) {
  const { invoice, payments } = detail;
  return (
    <Card title="Payments">
      {payments.length === 0 ? (
        <p className="text-sm text-slate-600">No payments yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="invoice-payments">
          {payments.map((payment) => (
            <li key={payment.id} className="py-2" data-testid="invoice-payment">
              <p className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium tabular-nums">{formatMoney(payment.amountMinor, payment.currency || invoice.currency)}</span>
                <Badge tone={payment.status === "succeeded" ? "green" : payment.status === "pending" ? "amber" : payment.status === "disputed" ? "red" : "gray"}>{paymentStatusLabelFor(payment.status, staff ? "staff" : "student")}</Badge>
              </p>
              <p className="text-slate-600 [overflow-wrap:anywhere]">
                {payment.provider === "manual" ? (methodLabel[payment.method ?? ""] ?? "Manual") : providerLabel[payment.provider]}
                {payment.paidAt ? <> · paid {formatDay(payment.paidAt.toISOString().slice(0, 10))}</> : null} · receipt <span className="font-mono text-xs" data-testid="payment-receipt">{payment.receipt}</span>
              </p>
              {/* Staff only (the query leaves them null for students): the provider's id or bank reference, who recorded it, the admin's note. */}
              {payment.providerReference ? (
                <p className="font-mono text-xs text-slate-500 [overflow-wrap:anywhere]" data-testid="payment-reference">
                  {payment.providerReference}
                </p>
              ) : null}
              {payment.recordedByName ? (
                <p className="text-xs text-slate-500">
                  Recorded by {payment.recordedByName} · <When at={payment.createdAt} timeZone={timeZone} />
                </p>
              ) : null}
              {payment.note ? <p className="mt-1 whitespace-pre-wrap text-slate-700" data-testid="payment-note">{payment.note}</p> : null}
              {payment.disputeReason ? (
                <p className={payment.status === "disputed" ? "mt-1 text-red-700" : "mt-1 text-slate-600"}>
                  {payment.status === "disputed" ? payment.disputeReason : `Was disputed: ${payment.disputeReason}`}
                </p>
              ) : null}
              {payment.reviewReason ? (
                <p className="mt-1 rounded-md bg-amber-50 px-3 py-2 text-amber-900" data-testid="payment-review">
                  <Badge tone="amber">Needs review</Badge> {payment.reviewReason}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function InvoiceTimeline({ detail, timeZone }: { detail: InvoiceDetail; timeZone: string }) {
  return (
    <Card title="Timeline">
      <ol data-testid="invoice-timeline" className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
        {detail.timeline.map((event) => (
          <li key={event.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" />
            <p>
              {event.actorName ? <span className="font-medium">{event.actorName}: </span> : null}
              {event.fromStatus ? `${statusLabel[event.fromStatus]} → ${statusLabel[event.toStatus]}` : `created (${statusLabel[event.toStatus]})`}
            </p>
            <p className="text-xs text-slate-500">
              <When at={event.createdAt} timeZone={timeZone} withZone />
            </p>
            {event.note ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{event.note}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
