import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { firstValues } from "@/components/assignments/pagination";
import { StaffInvoiceList } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { getStaffInvoiceList } from "@/lib/invoices/staff-invoice-list";

export const metadata: Metadata = { title: "Invoices" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const page = await getStaffInvoiceList(getDb(), actor, firstValues(await searchParams));
  return <StaffInvoiceList base="/admin" page={page} />;
}
