import { dateTimeFormat } from "@/lib/intl/formatters";
import type { InvoiceStatus } from "@/lib/invoices/types";
import { statusLabel } from "@/lib/invoices/state";

export { statusLabel };

export const statusTone: Record<InvoiceStatus, "gray" | "green" | "red" | "blue" | "amber"> = {
  draft: "gray",
  pending_approval: "amber",
  approved: "blue",
  partially_paid: "amber",
  paid: "green",
  partially_refunded: "gray",
  refunded: "gray",
  void: "red",
};

/** The manual methods an admin picks from (the schema also knows card_terminal, not offered here). */
export const methodOptions = [
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "cash", label: "Cash" },
  { value: "cheque", label: "Cheque" },
  { value: "other", label: "Other" },
] as const;

export const methodLabel: Record<string, string> = { bank_transfer: "Bank transfer", cash: "Cash", cheque: "Cheque", card_terminal: "Card terminal", other: "Other" };

export const providerLabel = { stripe: "Card (Stripe)", paypal: "PayPal", manual: "Recorded by staff" } as const;

/** A calendar date (YYYY-MM-DD), shown without shifting it through a time zone. */
export function formatDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  return dateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium" }).format(at);
}
