import type { PaymentStatus } from "@/db/schema";

/** A payment's status in the words staff read on every page and document. */
export const paymentStatusLabel: Record<PaymentStatus, string> = {
  pending: "Pending",
  succeeded: "Received",
  failed: "Failed",
  disputed: "Disputed",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
  cancelled: "Cancelled",
};

// Students are told a payment is being looked at; "disputed" is staff's word for it.
const studentPaymentStatusLabel: Record<PaymentStatus, string> = { ...paymentStatusLabel, disputed: "Under review" };

/** The label for the one reading it: the invoice page, the payment history and the PDF agree. */
export function paymentStatusLabelFor(status: string, audience: "staff" | "student"): string {
  const labels = audience === "staff" ? paymentStatusLabel : studentPaymentStatusLabel;
  return labels[status as PaymentStatus] ?? status;
}
