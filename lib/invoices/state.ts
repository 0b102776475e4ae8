import type { InvoiceStatus } from "@/db/schema";

/** Every edge of the invoice status graph (DESIGN.md). A full first payment goes approved → paid. */
export const transitions: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ["pending_approval"],
  pending_approval: ["approved", "draft"],
  approved: ["partially_paid", "paid", "void"],
  partially_paid: ["paid"],
  paid: ["partially_refunded", "refunded"],
  partially_refunded: ["refunded"],
  refunded: [],
  void: [],
};

export const statusLabel: Record<InvoiceStatus, string> = {
  draft: "Draft",
  pending_approval: "Pending approval",
  approved: "Issued",
  partially_paid: "Partially paid",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  void: "Void",
};

export type Move = "edit_draft" | "submit" | "approve" | "reject" | "void" | "pay_partial" | "pay_full";

type Rule = { from: readonly InvoiceStatus[]; to?: InvoiceStatus; refused: string };

const payable: InvoiceStatus[] = ["approved", "partially_paid"];

// `to` absent: the move changes the invoice but not its status.
const rules: Record<Move, Rule> = {
  edit_draft: { from: ["draft"], refused: "Only a draft can be edited" },
  submit: { from: ["draft"], to: "pending_approval", refused: "Only a draft can be submitted for approval" },
  approve: { from: ["pending_approval"], to: "approved", refused: "Only an invoice waiting for approval can be approved" },
  reject: { from: ["pending_approval"], to: "draft", refused: "Only an invoice waiting for approval can be rejected" },
  void: { from: ["approved"], to: "void", refused: "Only an issued invoice with nothing paid can be voided" },
  pay_partial: { from: payable, to: "partially_paid", refused: "This invoice is not open for payment" },
  pay_full: { from: payable, to: "paid", refused: "This invoice is not open for payment" },
};

export type Step = { from: InvoiceStatus; to: InvoiceStatus };
export type Planned = { ok: true; steps: Step[]; status: InvoiceStatus } | { ok: false; message: string };

/** The status steps a move makes from `current` (each one a timeline row), or why it is refused. */
export function plan(move: Move, current: InvoiceStatus): Planned {
  const rule = rules[move];
  if (!rule.from.includes(current)) {
    if (current === "void") return { ok: false, message: "This invoice is void" };
    return { ok: false, message: rule.refused };
  }
  if (!rule.to || rule.to === current) return { ok: true, steps: [], status: current };
  if (!transitions[current].includes(rule.to)) throw new Error(`state rules allow ${current} → ${rule.to}, the graph does not`);
  return { ok: true, steps: [{ from: current, to: rule.to }], status: rule.to };
}

export function isPayable(status: InvoiceStatus): boolean {
  return payable.includes(status);
}

/** Partially paid until the balance reaches zero. */
export function paymentMove(totalMinor: number, paidAfterMinor: number): Move {
  return paidAfterMinor >= totalMinor ? "pay_full" : "pay_partial";
}

/** Today's date (YYYY-MM-DD) in UTC, the zone due dates are compared in. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Overdue is never stored: an open invoice with a balance whose due date has passed. */
export function isOverdue(invoice: { status: InvoiceStatus; dueDate: string; totalMinor: number; paidMinor: number }, today = todayUtc()): boolean {
  return isPayable(invoice.status) && invoice.totalMinor - invoice.paidMinor > 0 && invoice.dueDate < today;
}

export const staleMessage = (current: InvoiceStatus) =>
  `This invoice was changed since you opened it (it is now ${statusLabel[current]}). Reload to see the latest and try again.`;
