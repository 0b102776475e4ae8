"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { nestDraftInput } from "@/components/invoices/form-items";
import { formAction } from "@/lib/actions/form-action";
import type { ServiceResult } from "@/lib/errors";
import { draftInvoice } from "@/lib/invoices/draft-invoice";
import { submitForApproval } from "@/lib/invoices/submit-for-approval";

// The services parse every field; the id is only read here to refresh the right pages.
function refreshed<T>(input: Record<string, string | string[]>) {
  return (result: ServiceResult<T>): ServiceResult<T> => {
    const id = result.ok && typeof result.data === "object" && result.data && "invoiceId" in result.data ? result.data.invoiceId : input.invoiceId;
    if (result.ok && typeof id === "string") revalidatePath(`/support/invoices/${id}`);
    if (result.ok) revalidatePath("/support/invoices");
    return result;
  };
}

export const saveDraftAction = formAction({ roles: ["cs_rep"] }, (actor, input) => draftInvoice(getDb(), actor, nestDraftInput(input)).then(refreshed(input)));

export const submitForApprovalAction = formAction({ roles: ["cs_rep"] }, (actor, input) => submitForApproval(getDb(), actor, input).then(refreshed(input)));
