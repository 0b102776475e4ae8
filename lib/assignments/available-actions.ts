import type { Assignment, TeacherAssignment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { liveHelpers, ownTeacherRow } from "./policy";
import { plan, type Move } from "./state";

export type AssignmentAction =
  | "edit_brief"
  | "cancel"
  | "assign_teachers"
  | "remove_helper"
  | "extend_due_date"
  | "accept_offer"
  | "decline_offer"
  | "deliver"
  | "accept_delivery"
  | "request_revision";

/**
 * Which buttons a page should show, from the same permissions and state rules the services
 * enforce. Display only: the services decide again, under lock, when the form is sent.
 */
export function availableActions(actor: Actor, assignment: Assignment, teachers: readonly TeacherAssignment[]): AssignmentAction[] {
  const allowed = (move: Move) => plan(move, assignment.status).ok;
  const own = ownTeacherRow(actor, teachers);
  const actions: AssignmentAction[] = [];
  if (can(actor, "assignments:edit-own") && allowed("change_brief")) actions.push("edit_brief");
  if ((can(actor, "assignments:cancel-any") && allowed("cancel_by_staff")) || (can(actor, "assignments:cancel-own") && allowed("cancel_by_student"))) actions.push("cancel");
  if (can(actor, "assignments:assign") && (allowed("assign_primary") || allowed("add_helper"))) actions.push("assign_teachers");
  if (can(actor, "assignments:assign") && allowed("remove_helper") && liveHelpers(teachers).length > 0) actions.push("remove_helper");
  if (can(actor, "assignments:extend-due-date") && allowed("extend_due_date")) actions.push("extend_due_date");
  if (can(actor, "assignments:respond-to-offer") && own?.status === "pending" && allowed(own.role === "primary" ? "accept_offer" : "answer_helper_offer")) {
    actions.push("accept_offer", "decline_offer");
  }
  if (can(actor, "assignments:deliver") && own?.role === "primary" && own.status === "accepted" && allowed("deliver")) actions.push("deliver");
  if (can(actor, "assignments:review-delivery") && allowed("accept_delivery")) actions.push("accept_delivery", "request_revision");
  return actions;
}
