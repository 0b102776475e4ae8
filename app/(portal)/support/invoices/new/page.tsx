import type { Metadata } from "next";
import { StaffNewInvoice } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { saveDraftAction } from "../[id]/actions";

export const metadata: Metadata = { title: "New invoice" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("cs_rep");
  return <StaffNewInvoice actor={actor} base="/support" searchParams={await searchParams} saveDraft={saveDraftAction} />;
}
