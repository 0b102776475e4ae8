"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { nestDraftInput } from "@/components/invoices/form-items";
import { formAction } from "@/lib/actions/form-action";
import type { ServiceResult } from "@/lib/errors";
import { approveInvoice } from "@/lib/invoices/approve-invoice";
import { closeReview } from "@/lib/invoices/close-review";
import { draftInvoice } from "@/lib/invoices/draft-invoice";
import { recordManualPayment } from "@/lib/invoices/record-manual-payment";
import { refundPayment } from "@/lib/invoices/refund-payment";
import { rejectInvoice } from "@/lib/invoices/reject-invoice";
import { resolveDispute } from "@/lib/invoices/resolve-dispute";
import { submitForApproval } from "@/lib/invoices/submit-for-approval";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { paypalClient } from "@/lib/payments/paypal/client";
import { stripeClient } from "@/lib/payments/stripe/client";

// The services parse every field; the id is only read here to refresh the right pages.
function refreshed<T>(input: Record<string, string | string[]>) {
  return (result: ServiceResult<T>): ServiceResult<T> => {
    const id = result.ok && typeof result.data === "object" && result.data && "invoiceId" in result.data ? result.data.invoiceId : input.invoiceId;
    if (result.ok && typeof id === "string") revalidatePath(`/admin/invoices/${id}`);
    if (result.ok) {
      revalidatePath("/admin/invoices");
      revalidatePath("/admin/invoices/approvals");
    }
    return result;
  };
}

export const saveDraftAction = formAction({ roles: ["admin"] }, (actor, input) => draftInvoice(getDb(), actor, nestDraftInput(input)).then(refreshed(input)));

export const submitForApprovalAction = formAction({ roles: ["admin"] }, (actor, input) => submitForApproval(getDb(), actor, input).then(refreshed(input)));

export const approveInvoiceAction = formAction({ roles: ["admin"] }, (actor, input) => approveInvoice(getDb(), actor, input).then(refreshed(input)));

export const rejectInvoiceAction = formAction({ roles: ["admin"] }, (actor, input) => rejectInvoice(getDb(), actor, input).then(refreshed(input)));

export const voidInvoiceAction = formAction({ roles: ["admin"] }, (actor, input) => voidInvoice(getDb(), actor, input).then(refreshed(input)));

export const recordManualPaymentAction = formAction({ roles: ["admin"] }, (actor, input) => recordManualPayment(getDb(), actor, input).then(refreshed(input)));

export const refundPaymentAction = formAction({ roles: ["admin"] }, (actor, input) =>
  refundPayment(getDb(), actor, input, { stripe: stripeClient(), paypal: paypalClient() }).then((result) => {
    refreshed(input)(result);
    if (result.ok) revalidatePath("/admin/payments");
    return result;
  }),
);

export const resolveDisputeAction = formAction({ roles: ["admin"] }, (actor, input) =>
  resolveDispute(getDb(), actor, input, { stripe: stripeClient(), paypal: paypalClient() }).then((result) => {
    refreshed(input)(result);
    if (result.ok) revalidatePath("/admin/payments");
    return result;
  }),
);

export const closeReviewAction = formAction({ roles: ["admin"] }, (actor, input) => closeReview(getDb(), actor, input).then(refreshed(input)));
