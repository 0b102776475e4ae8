import type { Metadata } from "next";
import { PaymentHistoryPage } from "@/components/payments/payment-history";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payments" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("student");
  return <PaymentHistoryPage actor={actor} path="/student/payments" invoicesPath="/student/invoices" searchParams={await searchParams} />;
}
