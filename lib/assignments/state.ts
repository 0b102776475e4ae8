import type { AssignmentStatus } from "@/db/schema";
import { statusLabel } from "./status-labels";

/** Every edge of the status graph (DESIGN.md), plus staff reassigning a primary after work began. */
export const transitions: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  submitted: ["assigned", "cancelled"],
  assigned: ["in_progress", "submitted", "cancelled"],
  in_progress: ["delivered", "assigned", "cancelled"],
  delivered: ["completed", "revision_requested", "cancelled"],
  revision_requested: ["in_progress", "assigned", "cancelled"],
  completed: [],
  cancelled: [],
};

export type Move =
  | "assign_primary"
  | "add_helper"
  | "remove_helper"
  | "accept_offer"
  | "decline_offer"
  | "answer_helper_offer"
  | "deliver"
  | "accept_delivery"
  | "request_revision"
  | "cancel_by_student"
  | "cancel_by_staff"
  | "change_brief"
  | "extend_due_date";

type Rule = { from: readonly AssignmentStatus[]; to?: AssignmentStatus; refused: string };

const open: AssignmentStatus[] = ["submitted", "assigned", "in_progress", "delivered", "revision_requested"];

// `to` absent: the move changes the assignment but not its status.
const rules: Record<Move, Rule> = {
  assign_primary: { from: ["submitted", "assigned", "in_progress", "revision_requested"], to: "assigned", refused: "The work has been delivered; wait for the student's response before changing the primary teacher" },
  add_helper: { from: ["assigned", "in_progress", "revision_requested"], refused: "Helpers can be added only while the assignment has a primary teacher and is not delivered" },
  remove_helper: { from: open, refused: "Helpers can be changed only on an open assignment" },
  accept_offer: { from: ["assigned"], to: "in_progress", refused: "This offer is no longer open" },
  decline_offer: { from: ["assigned"], to: "submitted", refused: "This offer is no longer open" },
  answer_helper_offer: { from: open, refused: "This offer is no longer open" },
  deliver: { from: ["in_progress", "revision_requested"], to: "delivered", refused: "Only work in progress can be delivered" },
  accept_delivery: { from: ["delivered"], to: "completed", refused: "There is no delivery waiting for your review" },
  request_revision: { from: ["delivered"], to: "revision_requested", refused: "There is no delivery waiting for your review" },
  cancel_by_student: { from: ["submitted", "assigned"], to: "cancelled", refused: "Work has started, so the request can no longer be cancelled here; contact support" },
  cancel_by_staff: { from: open, to: "cancelled", refused: "Only an open assignment can be cancelled" },
  change_brief: { from: ["submitted", "assigned"], refused: "A teacher has accepted this assignment, so the brief can no longer be changed" },
  extend_due_date: { from: open, refused: "Only an open assignment's due date can be extended" },
};

export type Step = { from: AssignmentStatus; to: AssignmentStatus };
export type Planned = { ok: true; steps: Step[]; status: AssignmentStatus } | { ok: false; message: string };

/**
 * The status steps a move makes from `current`, each one a timeline row. A new delivery after a
 * revision request records both steps, revision_requested → in_progress → delivered.
 */
export function plan(move: Move, current: AssignmentStatus): Planned {
  const rule = rules[move];
  if (!rule.from.includes(current)) {
    if (current === "cancelled") return { ok: false, message: "This assignment was cancelled" };
    if (current === "completed") return { ok: false, message: "This assignment is completed" };
    return { ok: false, message: rule.refused };
  }
  if (!rule.to || rule.to === current) return { ok: true, steps: [], status: current };
  const steps: Step[] = current === "revision_requested" && rule.to === "delivered"
    ? [{ from: current, to: "in_progress" }, { from: "in_progress", to: "delivered" }]
    : [{ from: current, to: rule.to }];
  for (const step of steps) {
    if (!transitions[step.from].includes(step.to)) throw new Error(`state rules allow ${step.from} → ${step.to}, the graph does not`);
  }
  return { ok: true, steps, status: rule.to };
}

export function isOpenStatus(status: AssignmentStatus): boolean {
  return open.includes(status);
}

export const staleMessage = (current: AssignmentStatus) =>
  `This assignment was changed since you opened it (it is now ${statusLabel[current]}). Reload to see the latest and try again.`;
