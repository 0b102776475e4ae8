import type { FormAction } from "@/components/assignments/use-assignment-action";
import { Card } from "@/components/ui/card";
import type { DisputedPayment, InvoiceDetail } from "@/lib/invoices/types";
import { formatMoney } from "@/lib/money/money";
import { CloseReviewForm } from "./close-review-form";
import { DisputeForm } from "./dispute-form";
import { formatDay, providerLabel } from "./labels";

const providerName = { stripe: "Stripe", paypal: "PayPal", manual: "the bank" } as const;

type Props<T> = { invoice: { id: string; version: number; currency: string; balanceMinor: number }; disputes: DisputedPayment[]; action: FormAction<T> };

/** The admin's card for payments the rules would not count: why, and a way to settle each one. */
export function AdminDisputes<T>({ invoice, disputes, action }: Props<T>) {
  if (disputes.length === 0) return null;
  return (
    <Card title="Disputed payments">
      <p className="mb-3 text-sm text-slate-600">These payments were not counted toward the invoice. Accept each one as a payment, or refund it.</p>
      <ul className="divide-y divide-slate-100" data-testid="invoice-disputes">
        {disputes.map((payment) => {
          const amount = formatMoney(payment.amountMinor, payment.currency);
          return (
            <li key={payment.id} className="space-y-2 py-3 text-sm" data-testid="invoice-dispute">
              <p className="font-medium">
                <span className="tabular-nums">{amount}</span> · {providerLabel[payment.provider]}
                {payment.paidAt ? <> · paid {formatDay(payment.paidAt.toISOString().slice(0, 10))}</> : null}
              </p>
              {payment.disputeReason ? <p className="text-red-700">{payment.disputeReason}</p> : null}
              {payment.refundPendingMinor > 0 ? (
                <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900" data-testid="dispute-refund-pending">
                  A refund of {formatMoney(payment.refundPendingMinor, payment.currency)} is waiting for {providerName[payment.provider]} to confirm it.
                </p>
              ) : (
                <DisputeForm
                  action={action}
                  invoiceId={invoice.id}
                  version={invoice.version}
                  paymentId={payment.id}
                  amount={amount}
                  providerName={providerName[payment.provider]}
                  balance={formatMoney(invoice.balanceMinor, invoice.currency)}
                  acceptRefusal={payment.acceptRefusal}
                />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

type ReviewProps<T> = { invoice: { id: string; version: number }; payments: InvoiceDetail["payments"]; action: FormAction<T> };

/** The admin's card for payments a provider event could not be applied to: what it said, and a way to close the flag. */
export function AdminReviews<T>({ invoice, payments, action }: ReviewProps<T>) {
  const flagged = payments.filter((payment) => payment.reviewReason);
  if (flagged.length === 0) return null;
  return (
    <Card title="Needs review">
      <ul className="divide-y divide-slate-100" data-testid="invoice-reviews">
        {flagged.map((payment) => (
          <li key={payment.id} className="space-y-1 py-3 text-sm" data-testid="invoice-review">
            <p className="font-medium">
              <span className="tabular-nums">{formatMoney(payment.amountMinor, payment.currency)}</span> · {providerLabel[payment.provider]} · receipt {payment.receipt}
            </p>
            <p className="text-amber-900">{payment.reviewReason}</p>
            <CloseReviewForm action={action} invoiceId={invoice.id} version={invoice.version} paymentId={payment.id} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
