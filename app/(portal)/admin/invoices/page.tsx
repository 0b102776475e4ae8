import type { Metadata } from "next";
import { StaffInvoiceList } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invoices" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  return <StaffInvoiceList actor={actor} base="/admin" searchParams={await searchParams} />;
}
