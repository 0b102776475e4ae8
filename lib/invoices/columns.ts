import { invoices } from "@/db/schema";

/** What every invoice line in a list shows: its number, state and money, enough to work out the balance. */
export const invoiceLineColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  paidMinor: invoices.paidMinor,
  dueDate: invoices.dueDate,
};
