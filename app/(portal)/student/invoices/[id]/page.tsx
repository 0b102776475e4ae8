import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceHeading, InvoiceItems, InvoicePayments, InvoiceTimeline } from "@/components/invoices/invoice-detail";
import { loadInvoiceDetail } from "@/components/invoices/load-invoice";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { isPayable } from "@/lib/invoices/state";
import { formatMoney } from "@/lib/money/money";
import { StripePayButton } from "@/components/invoices/stripe-pay-button";
import { stripeClient } from "@/lib/payments/stripe/client";
import { PaypalPayButton } from "@/components/invoices/paypal-pay-button";
import { paypalClient, paypalWebhookId } from "@/lib/payments/paypal/client";

export const metadata: Metadata = { title: "Invoice" };

const checkoutMessages = {
  success: "Thank you. Stripe is confirming your payment; this invoice shows it as soon as Stripe does.",
  cancelled: "Payment cancelled. Nothing was charged.",
  failed: "The payment was not completed, and nothing was charged. You can try again.",
} as const;

export default async function StudentInvoicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("student");
  const { detail, timeZone } = await loadInvoiceDetail(actor, (await params).id);
  const checkout = (await searchParams).checkout;
  // Only a message: a return from Stripe never marks anything paid, the verified webhook does.
  const checkoutMessage = checkout === "success" || checkout === "cancelled" || checkout === "failed" ? checkoutMessages[checkout] : undefined;
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
      <InvoiceHeading detail={detail} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <InvoiceItems detail={detail} />
          <InvoicePayments detail={detail} timeZone={timeZone} />
        </div>
        <div className="space-y-6">
          {payable ? (
            <Card title="Pay now">
              <p className="mb-3 text-sm text-slate-700">
                Balance due: <span className="font-semibold">{formatMoney(invoice.balanceMinor, invoice.currency)}</span>
              </p>
              <div data-testid="pay-now" className="space-y-3">
                {cardPayments ? <StripePayButton invoiceId={invoice.id} expectedVersion={invoice.version} /> : null}
                {paypalPayments ? <PaypalPayButton invoiceId={invoice.id} expectedVersion={invoice.version} /> : null}
                <p className="text-sm text-slate-600">
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
          <InvoiceTimeline detail={detail} timeZone={timeZone} />
        </div>
      </div>
    </>
  );
}
