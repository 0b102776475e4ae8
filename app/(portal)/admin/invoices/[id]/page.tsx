import type { Metadata } from "next";
import { AdminRefunds } from "@/components/invoices/refund-section";
import { StaffInvoiceDetail } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { approveInvoiceAction, recordManualPaymentAction, refundPaymentAction, rejectInvoiceAction, saveDraftAction, submitForApprovalAction, voidInvoiceAction } from "./actions";

export const metadata: Metadata = { title: "Invoice" };

const actions = {
  saveDraft: saveDraftAction,
  submit: submitForApprovalAction,
  approve: approveInvoiceAction,
  reject: rejectInvoiceAction,
  void: voidInvoiceAction,
  recordPayment: recordManualPaymentAction,
};

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("admin");
  const { id } = await params;
  return (
    <>
      <StaffInvoiceDetail actor={actor} base="/admin" invoiceId={id} actions={actions} />
      <AdminRefunds actor={actor} invoiceId={id} action={refundPaymentAction} />
    </>
  );
}
