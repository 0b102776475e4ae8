import type { Metadata } from "next";
import { StaffInvoiceDetail } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { saveDraftAction, submitForApprovalAction } from "./actions";

export const metadata: Metadata = { title: "Invoice" };

const actions = { saveDraft: saveDraftAction, submit: submitForApprovalAction };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("cs_rep");
  return <StaffInvoiceDetail actor={actor} base="/support" invoiceId={(await params).id} actions={actions} />;
}
