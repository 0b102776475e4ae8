import { describe, expect, it } from "vitest";
import { assignmentStatuses } from "@/db/schema";
import { plan, staleMessage, transitions, type Move } from "./state";
import { statusLabel } from "./status-labels";

const moves: Move[] = [
  "assign_primary", "add_helper", "remove_helper", "accept_offer", "decline_offer", "answer_helper_offer", "deliver", "accept_delivery",
  "request_revision", "cancel_by_student", "cancel_by_staff", "change_brief", "extend_due_date",
];

describe("assignment state machine", () => {
  it("follows the happy path submitted → assigned → in_progress → delivered → completed", () => {
    expect(plan("assign_primary", "submitted")).toEqual({ ok: true, status: "assigned", steps: [{ from: "submitted", to: "assigned" }] });
    expect(plan("accept_offer", "assigned")).toMatchObject({ ok: true, status: "in_progress" });
    expect(plan("deliver", "in_progress")).toMatchObject({ ok: true, status: "delivered" });
    expect(plan("accept_delivery", "delivered")).toMatchObject({ ok: true, status: "completed" });
  });

  it("sends a revision back through in_progress, recording both steps on the next delivery", () => {
    expect(plan("request_revision", "delivered")).toMatchObject({ ok: true, status: "revision_requested" });
    expect(plan("deliver", "revision_requested")).toEqual({
      ok: true,
      status: "delivered",
      steps: [{ from: "revision_requested", to: "in_progress" }, { from: "in_progress", to: "delivered" }],
    });
  });

  it("returns a declined offer to the queue", () => {
    expect(plan("decline_offer", "assigned")).toEqual({ ok: true, status: "submitted", steps: [{ from: "assigned", to: "submitted" }] });
  });

  it("lets a student cancel only before work starts, and staff at any time before completion", () => {
    for (const status of ["submitted", "assigned"] as const) expect(plan("cancel_by_student", status).ok).toBe(true);
    for (const status of ["in_progress", "delivered", "revision_requested"] as const) {
      expect(plan("cancel_by_student", status)).toMatchObject({ ok: false, message: expect.stringMatching(/Work has started/) });
      expect(plan("cancel_by_staff", status).ok).toBe(true);
    }
    expect(plan("cancel_by_staff", "completed")).toEqual({ ok: false, message: "This assignment is completed" });
  });

  it("refuses illegal moves with a message naming why", () => {
    expect(plan("accept_offer", "in_progress")).toEqual({ ok: false, message: "This offer is no longer open" });
    expect(plan("deliver", "assigned")).toEqual({ ok: false, message: "Only work in progress can be delivered" });
    expect(plan("change_brief", "in_progress")).toMatchObject({ ok: false, message: expect.stringMatching(/accepted/) });
    expect(plan("assign_primary", "delivered").ok).toBe(false);
  });

  it("allows nothing at all on a cancelled or completed assignment", () => {
    for (const move of moves) {
      expect(plan(move, "cancelled")).toEqual({ ok: false, message: "This assignment was cancelled" });
      expect(plan(move, "completed").ok).toBe(false);
    }
  });

  it("only ever plans steps that are edges of the status graph", () => {
    for (const move of moves) {
      for (const status of assignmentStatuses) {
        const planned = plan(move, status);
        if (!planned.ok) continue;
        for (const step of planned.steps) expect(transitions[step.from], `${move} from ${status}`).toContain(step.to);
      }
    }
  });
});

describe("the message for a form opened before someone else's change", () => {
  it("names the status as the badge on the page does, never by its internal name", () => {
    expect(staleMessage("submitted")).toBe("This assignment was changed since you opened it (it is now Waiting for a teacher). Reload to see the latest and try again.");
    for (const status of assignmentStatuses) expect(staleMessage(status)).toContain(`(it is now ${statusLabel[status]})`);
  });
});
