import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor, Transaction } from "@/db/client";
import { assignmentEvents, assignments, teacherAssignments, users, type Assignment, type Notification, type TeacherAssignment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type FieldErrors, type ServiceResult } from "@/lib/errors";
import { notify, type NotificationInput } from "@/lib/notifications/notify";
import { publishNotifications } from "@/lib/notifications/publish";
import { publishDashboardChange } from "@/lib/dashboards/publish";
import { assignmentScope } from "./policy";
import type { AssignmentRef } from "./schemas";
import { isOpenStatus, plan, staleMessage, type Move, type Step } from "./state";

export type Locked = { assignment: Assignment; teachers: TeacherAssignment[] };
export type Done<T> = { ok: true; data: T; notifications: Notification[] };
type Refusal = Extract<ServiceResult<never>, { ok: false }>;

type Change<P, T> = {
  /** Decides, without writing, whether the move is allowed now (reads through `tx` see the locked row's state). */
  check: (current: Locked, tx: Transaction) => ServiceResult<P> | Promise<ServiceResult<P>>;
  apply: (tx: Transaction, current: Locked, checked: P) => Promise<Done<T>>;
};

class Refused extends Error {
  constructor(readonly result: Refusal) {
    super(result.message);
  }
}

function refusal(code: Refusal["code"], message: string): Refusal {
  return { ok: false, code, message, fieldErrors: {} };
}

export const notFound = () => refusal("not_found", "Assignment not found");

/** A malformed id is answered like a missing one; other fields keep their own messages. */
export function invalidInput(fieldErrors: FieldErrors): ServiceResult<never> {
  if (fieldErrors.assignmentId) return notFound();
  // The version rides in a hidden field: without it the form itself is stale.
  if (fieldErrors.expectedVersion) return fail("invalid", "Reload the page and try again", fieldErrors);
  return fail("invalid", "Check the highlighted fields", fieldErrors);
}

/**
 * The one path every change to an existing assignment takes. The row is locked (FOR UPDATE) and
 * read through the actor's scope, so concurrent moves queue up and a foreign id is not found.
 * The legality check runs before the version check so an illegal move says why; a legal move on
 * a stale form is refused. A refusal rolls the transaction back, so it changes nothing.
 */
export async function changeAssignment<P, T>(db: Database, actor: Actor, ref: AssignmentRef, change: Change<P, T>): Promise<ServiceResult<T>> {
  let outcome: Done<T>;
  try {
    outcome = await db.transaction(async (tx) => {
      const [assignment] = await tx
        .select()
        .from(assignments)
        .where(and(eq(assignments.id, ref.assignmentId), assignmentScope(actor)))
        .for("update");
      if (!assignment) throw new Refused(notFound());
      const teachers = await tx.select().from(teacherAssignments).where(eq(teacherAssignments.assignmentId, assignment.id)).orderBy(asc(teacherAssignments.createdAt));
      const current = { assignment, teachers };
      const checked = await change.check(current, tx);
      if (!checked.ok) throw new Refused(checked);
      if (assignment.version !== ref.expectedVersion) throw new Refused(refusal("conflict", staleMessage(assignment.status)));
      return change.apply(tx, current, checked.data);
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  await publishNotifications(outcome.notifications);
  await publishDashboardChange("assignments");
  return ok(outcome.data);
}

/** The state machine's verdict on a move, as a check result: its steps, or why it is refused. */
export function allow(move: Move, status: Assignment["status"]): ServiceResult<{ steps: Step[]; status: Assignment["status"] }> {
  const planned = plan(move, status);
  return planned.ok ? ok({ steps: planned.steps, status: planned.status }) : fail("conflict", planned.message);
}

export function done<T>(data: T, notifications: Notification[] = []): Done<T> {
  return { ok: true, data, notifications };
}

/** Writes the change with a new version, and one timeline row per status step. */
export async function saveChange(
  tx: Executor,
  actor: Actor,
  assignment: Assignment,
  change: { steps?: Step[]; set?: Partial<typeof assignments.$inferInsert>; note?: string | null } = {},
): Promise<{ version: number; status: Assignment["status"] }> {
  const steps = change.steps ?? [];
  const status = steps.at(-1)?.to ?? assignment.status;
  const [row] = await tx
    .update(assignments)
    .set({ ...change.set, status, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
    .where(eq(assignments.id, assignment.id))
    .returning({ version: assignments.version, status: assignments.status });
  if (!row) throw new Error("locked assignment vanished");
  // An assignment that ends stops counting in its teachers' open workload.
  if (!isOpenStatus(status) && status !== assignment.status) {
    await tx.update(teacherAssignments).set({ closedAt: new Date(), closedAs: status }).where(and(eq(teacherAssignments.assignmentId, assignment.id), isNull(teacherAssignments.closedAt)));
  }
  if (steps.length > 0) {
    await tx
      .insert(assignmentEvents)
      .values(steps.map((step) => ({ assignmentId: assignment.id, fromStatus: step.from, toStatus: step.to, actorId: actor.id, note: change.note ?? null })));
  }
  return row;
}

export function auditAssignment(tx: Executor, actor: Actor, action: string, assignment: Pick<Assignment, "id" | "code">, metadata: Record<string, unknown> = {}) {
  return recordAudit(tx, actor, { action, targetType: "assignment", targetId: assignment.id, metadata: { code: assignment.code, ...metadata } });
}

/** Several notifications in the change's transaction; the rows are published after commit. */
export async function notifyEach(tx: Executor, batches: [readonly string[], NotificationInput][]): Promise<Notification[]> {
  const rows: Notification[] = [];
  for (const [userIds, input] of batches) rows.push(...(await notify(tx, userIds, input)));
  return rows;
}

export async function activeCsRepIds(tx: Executor): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "cs_rep"), eq(users.status, "active")));
  return rows.map((row) => row.id);
}
