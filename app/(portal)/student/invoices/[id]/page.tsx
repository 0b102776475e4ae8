import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceHeading, InvoiceItems, InvoicePayments, InvoiceTimeline } from "@/components/invoices/invoice-detail";
import { loadInvoiceDetail } from "@/components/invoices/load-invoice";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { isPayable } from "@/lib/invoices/state";
import { formatMoney } from "@/lib/money/money";

export const metadata: Metadata = { title: "Invoice" };

export default async function StudentInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("student");
  const { detail, timeZone } = await loadInvoiceDetail(actor, (await params).id);
  const { invoice } = detail;
  const payable = isPayable(invoice.status) && invoice.balanceMinor > 0;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/student/invoices" className="text-brand-700 underline">
          ← Back to the list
        </Link>
      </p>
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
              {/* Online payment buttons (Stripe, PayPal) go in this container. */}
              <div data-testid="pay-now" className="space-y-3">
                <p className="text-sm text-slate-600">
                  Online payment is not available yet. Pay by bank transfer to the account our support team gives you, quoting the invoice number{" "}
                  <span className="font-mono">{invoice.number}</span>; we record it for you.
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
