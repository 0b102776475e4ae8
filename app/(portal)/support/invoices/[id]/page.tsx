import type { Metadata } from "next";
import { invoiceTitle } from "@/app/(portal)/titles";
import { getDb } from "@/db/client";
import { orNotFound } from "@/app/(portal)/or-not-found";
import { StaffInvoiceDetail } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { getInvoicePage } from "@/lib/invoices/invoice-page";
import { saveDraftAction, submitForApprovalAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await invoiceTitle((await params).id) };
}

const actions = { saveDraft: saveDraftAction, submit: submitForApprovalAction };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("cs_rep");
  const page = await orNotFound(getInvoicePage(getDb(), actor, (await params).id));
  return <StaffInvoiceDetail actor={actor} base="/support" page={page} actions={actions} />;
}
