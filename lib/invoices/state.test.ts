import { describe, expect, it } from "vitest";
import { invoiceStatuses } from "@/db/schema";
import { isOverdue, paymentMove, plan, transitions, type Move } from "./state";

const moves: Move[] = ["edit_draft", "submit", "approve", "reject", "void", "pay_partial", "pay_full"];

describe("invoice state machine", () => {
  it("follows draft → pending_approval → approved → partially_paid → paid", () => {
    expect(plan("submit", "draft")).toEqual({ ok: true, status: "pending_approval", steps: [{ from: "draft", to: "pending_approval" }] });
    expect(plan("approve", "pending_approval")).toMatchObject({ ok: true, status: "approved" });
    expect(plan("pay_partial", "approved")).toMatchObject({ ok: true, status: "partially_paid" });
    expect(plan("pay_partial", "partially_paid")).toEqual({ ok: true, status: "partially_paid", steps: [] });
    expect(plan("pay_full", "partially_paid")).toMatchObject({ ok: true, status: "paid" });
    expect(plan("pay_full", "approved")).toMatchObject({ ok: true, status: "paid" });
  });

  it("sends a rejected invoice back to draft and lets only issued invoices be voided", () => {
    expect(plan("reject", "pending_approval")).toEqual({ ok: true, status: "draft", steps: [{ from: "pending_approval", to: "draft" }] });
    expect(plan("void", "approved")).toMatchObject({ ok: true, status: "void" });
    for (const status of ["draft", "pending_approval", "partially_paid", "paid", "refunded"] as const) expect(plan("void", status).ok, status).toBe(false);
  });

  it("refuses every illegal move with a message", () => {
    expect(plan("approve", "draft")).toEqual({ ok: false, message: "Only an invoice waiting for approval can be approved" });
    expect(plan("submit", "pending_approval")).toEqual({ ok: false, message: "Only a draft can be submitted for approval" });
    expect(plan("edit_draft", "approved")).toEqual({ ok: false, message: "Only a draft can be edited" });
    expect(plan("pay_full", "draft")).toEqual({ ok: false, message: "This invoice is not open for payment" });
    expect(plan("reject", "approved").ok).toBe(false);
    for (const move of moves) expect(plan(move, "void")).toEqual({ ok: false, message: "This invoice is void" });
    for (const move of moves) expect(plan(move, "refunded").ok).toBe(false);
  });

  it("only ever plans steps that are edges of the status graph", () => {
    for (const move of moves) {
      for (const status of invoiceStatuses) {
        const planned = plan(move, status);
        if (!planned.ok) continue;
        for (const step of planned.steps) expect(transitions[step.from], `${move} from ${status}`).toContain(step.to);
      }
    }
  });

  it("is paid when the balance reaches zero", () => {
    expect(paymentMove(1000, 999)).toBe("pay_partial");
    expect(paymentMove(1000, 1000)).toBe("pay_full");
  });

  it("computes overdue from the due date and the balance", () => {
    const base = { status: "approved" as const, dueDate: "2026-03-01", totalMinor: 1000, paidMinor: 0 };
    expect(isOverdue(base, "2026-03-02")).toBe(true);
    expect(isOverdue(base, "2026-03-01")).toBe(false);
    expect(isOverdue({ ...base, status: "partially_paid", paidMinor: 500 }, "2026-04-01")).toBe(true);
    expect(isOverdue({ ...base, status: "paid", paidMinor: 1000 }, "2026-04-01")).toBe(false);
    expect(isOverdue({ ...base, status: "void" }, "2026-04-01")).toBe(false);
    expect(isOverdue({ ...base, status: "draft" }, "2026-04-01")).toBe(false);
  });
});
