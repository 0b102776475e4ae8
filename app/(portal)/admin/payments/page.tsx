import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { firstValues } from "@/components/assignments/pagination";
import { PaymentHistoryPage } from "@/components/payments/payment-history";
import { requireRole } from "@/lib/auth/session";
import { getPaymentHistoryPage } from "@/lib/payments/history";

export const metadata: Metadata = { title: "Payments" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const params = firstValues(await searchParams);
  const { history, timeZone } = await getPaymentHistoryPage(getDb(), actor, params.page, params.status);
  return <PaymentHistoryPage history={history} timeZone={timeZone} path="/admin/payments" invoicesPath="/admin/invoices" />;
}
