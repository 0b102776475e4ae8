import type { getInvoiceDetail, listApprovalQueue, listInvoicesForActor, listInvoicesForAssignment } from "./queries";
import type { listRefunds } from "./refund-payment";

// Plain types for the pages and components, so none of them reaches into db/.
export type { InvoiceStatus, PaymentProvider, PaymentStatus, RefundStatus } from "@/db/schema";

export type InvoiceDetail = Awaited<ReturnType<typeof getInvoiceDetail>>;
export type InvoiceList = Awaited<ReturnType<typeof listInvoicesForActor>>;
export type InvoiceListItem = InvoiceList["items"][number];
export type ApprovalQueue = Awaited<ReturnType<typeof listApprovalQueue>>;
export type ApprovalQueueItem = ApprovalQueue["items"][number];
export type AssignmentInvoice = Awaited<ReturnType<typeof listInvoicesForAssignment>>[number];
export type InvoiceRefunds = Awaited<ReturnType<typeof listRefunds>>;
export type { DisputedPayment, DisputeResolution } from "./resolve-dispute";
