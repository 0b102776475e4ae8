import type { Metadata } from "next";
import { invoiceTitle } from "@/app/(portal)/titles";
import Link from "next/link";
import { InvoiceHeading, InvoiceItems, InvoicePayments, InvoiceTimeline } from "@/components/invoices/invoice-detail";
import { getDb } from "@/db/client";
import { orNotFound } from "@/app/(portal)/or-not-found";
import { getInvoicePage } from "@/lib/invoices/invoice-page";
import { dueDay } from "@/components/assignments/due-day";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { isPayable } from "@/lib/invoices/state";
import { formatMoney } from "@/lib/money/money";
import { StripePayButton } from "@/components/invoices/stripe-pay-button";
import { stripeClient } from "@/lib/payments/stripe/client";
import { PaypalPayButton } from "@/components/invoices/paypal-pay-button";
import { paypalClient, paypalWebhookId } from "@/lib/payments/paypal/client";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await invoiceTitle((await params).id) };
}

const checkoutMessages = {
  success: "Thank you. Stripe is confirming your payment; this invoice shows it as soon as Stripe does.",
  cancelled: "Payment cancelled. Nothing was charged.",
  failed: "The payment was not completed, and nothing was charged. You can try again.",
  review: "We received your payment, but it is not the amount this invoice asks for, so our team checks it before it counts. We will contact you; there is nothing to do meanwhile.",
} as const;

export default async function StudentInvoicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("student");
  const { detail, timeZone } = await orNotFound(getInvoicePage(getDb(), actor, (await params).id));
  const checkout = (await searchParams).checkout;
  // Only a message: a return from Stripe never marks anything paid, the verified webhook does.
  const checkoutMessage = checkout === "success" || checkout === "cancelled" || checkout === "failed" || checkout === "review" ? checkoutMessages[checkout] : undefined;
  const cardPayments = stripeClient() !== null;
  const paypalPayments = paypalClient() !== null && paypalWebhookId() !== null;
  const online = cardPayments || paypalPayments;
  const { invoice } = detail;
  const payable = isPayable(invoice.status) && invoice.balanceMinor > 0;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/student/invoices" className="text-brand-700 underline">
          ← Back to the list
        </Link>
      </p>
      {checkoutMessage ? (
        <p role="status" data-testid="checkout-message" className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
          {checkoutMessage}
        </p>
      ) : null}
      <InvoiceHeading detail={detail} assignmentHref={detail.assignment ? `/student/assignments/${detail.assignment.id}` : undefined} />
      {/* Pay comes first in the document: on a phone it is above the fold, the line items after it. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-1">
          {payable ? (
            <Card title="Pay now">
              <dl className="mb-4 grid grid-cols-2 gap-3 text-sm">
                <div>
                  <dt className="text-muted-foreground">Balance due</dt>
                  <dd className="text-xl font-semibold tabular-nums">{formatMoney(invoice.balanceMinor, invoice.currency)}</dd>
                </div>
                <div>
                  <dt className="text-muted-foreground">Due by</dt>
                  <dd className="mt-1 flex flex-wrap items-center gap-2">
                    {dueDay(invoice.dueDate)}
                    {invoice.overdue ? <Badge tone="red">Overdue</Badge> : null}
                  </dd>
                </div>
              </dl>
              <div data-testid="pay-now" className="space-y-3">
                {cardPayments ? <StripePayButton invoiceId={invoice.id} expectedVersion={invoice.version} /> : null}
                {paypalPayments ? <PaypalPayButton invoiceId={invoice.id} expectedVersion={invoice.version} /> : null}
                <p className="text-sm text-muted-foreground">
                  {online ? "Or pay" : "Online payment is not available yet. Pay"} by bank transfer to the account our support team gives you, quoting the
                  invoice number <span className="font-mono">{invoice.number}</span>; we record it for you.
                </p>
              </div>
            </Card>
          ) : null}
          {invoice.status === "void" && invoice.voidReason ? (
            <Card title="Cancelled">
              <p className="whitespace-pre-wrap text-sm text-slate-700">{invoice.voidReason}</p>
            </Card>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <InvoiceItems detail={detail} />
          {detail.payments.some((payment) => payment.status === "disputed") ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="payment-under-review">
              A payment under review is not the amount this invoice asked for. Our team checks it and either counts it or refunds it; you will be told either way.
            </p>
          ) : null}
          <InvoicePayments detail={detail} timeZone={timeZone} />
        </div>
        <div className="min-w-0 space-y-6 lg:col-start-2 lg:row-start-2">
          <InvoiceTimeline detail={detail} timeZone={timeZone} />
        </div>
      </div>
    </>
  );
}
