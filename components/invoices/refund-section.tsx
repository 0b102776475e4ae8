import type { FormAction } from "@/components/assignments/use-assignment-action";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { InvoiceRefunds } from "@/lib/invoices/types";
import { formatMoney, toDecimalString } from "@/lib/money/money";
import { formatDay, methodLabel, providerLabel } from "./labels";
import { RefundForm } from "./refund-form";

const refundTone = { pending: "amber", succeeded: "green", failed: "red" } as const;
const providerName = { stripe: "Stripe", paypal: "PayPal", manual: "confirmation" } as const;
const refundLabel = (status: "pending" | "succeeded" | "failed", provider: keyof typeof providerName) =>
  status === "pending" ? `Waiting for ${providerName[provider]}` : status === "succeeded" ? "Refunded" : "Failed";

type Props<T> = { invoice: { id: string; version: number }; refunds: InvoiceRefunds; action: FormAction<T> };

/** The admin's refunds card: one `Refund` form per payment with something left to refund, and the refunds so far. */
export function AdminRefunds<T>({ invoice, refunds: { refundable, refunds }, action }: Props<T>) {
  if (refundable.length === 0 && refunds.length === 0) return null;
  return (
    <Card title="Refunds">
      {refunds.length > 0 ? (
        <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="invoice-refunds">
          {refunds.map((refund) => (
            <li key={refund.id} className="py-2" data-testid="invoice-refund">
              <p className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium tabular-nums">{formatMoney(refund.amountMinor, refund.currency)}</span>
                <Badge tone={refundTone[refund.status]}>{refundLabel(refund.status, refund.provider)}</Badge>
              </p>
              <p className="whitespace-pre-wrap text-slate-600">{refund.reason}</p>
              {refund.failureReason ? <p className="text-red-700">{refund.failureReason}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-6 sm:grid-cols-2">
        {refundable.map((payment) => (
          <RefundForm
            key={payment.id}
            action={action}
            invoiceId={invoice.id}
            version={invoice.version}
            paymentId={payment.id}
            currency={payment.currency}
            confirmedBy={payment.provider === "manual" ? null : providerName[payment.provider]}
            refundable={toDecimalString(payment.refundableMinor, payment.currency)}
            label={`${formatMoney(payment.amountMinor, payment.currency)} · ${payment.provider === "manual" ? (methodLabel[payment.method ?? ""] ?? "Manual") : providerLabel[payment.provider]} · ${payment.providerReference}${payment.paidAt ? ` · ${formatDay(payment.paidAt.toISOString().slice(0, 10))}` : ""}`}
          />
        ))}
      </div>
    </Card>
  );
}
