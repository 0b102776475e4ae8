import type { Metadata } from "next";
import { invoiceTitle } from "@/app/(portal)/titles";
import { getDb } from "@/db/client";
import { orNotFound } from "@/app/(portal)/or-not-found";
import { StaffInvoiceDetail } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { getInvoicePage } from "@/lib/invoices/invoice-page";
import {
  approveInvoiceAction,
  closeReviewAction,
  recordManualPaymentAction,
  refundPaymentAction,
  rejectInvoiceAction,
  resolveDisputeAction,
  saveDraftAction,
  submitForApprovalAction,
  voidInvoiceAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await invoiceTitle((await params).id) };
}

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
  const page = await orNotFound(getInvoicePage(getDb(), actor, (await params).id));
  return <StaffInvoiceDetail actor={actor} base="/admin" page={page} actions={actions} refundAction={refundPaymentAction} disputeAction={resolveDisputeAction} reviewAction={closeReviewAction} />;
}
