import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { assignments, teacherAssignments, threadParticipants, threads, users, type Thread, type ThreadParticipant } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";

export const threadIdSchema = z.uuid({ error: "Thread not found" });

export type Participation = { thread: Thread; participant: ThreadParticipant };

/**
 * The actor's place in a thread, or null when they have none: a non-participant is told the
 * thread does not exist (404), never that it is someone else's.
 */
export async function findParticipation(db: Executor, actor: Actor, threadId: string): Promise<Participation | null> {
  return findParticipationWith(db, actor, threadId, {});
}

type Selected<E extends Record<string, SQL>> = { [K in keyof E]: E[K] extends SQL<infer T> ? T : never };

/**
 * findParticipation with more of the caller's reads in the same statement (a send reads the
 * author's earlier sends with it: one round trip fewer under the thread's lock).
 */
export async function findParticipationWith<E extends Record<string, SQL>>(db: Executor, actor: Actor, threadId: string, extra: E): Promise<(Participation & Selected<E>) | null> {
  if (!can(actor, "threads:take-part") || !threadIdSchema.safeParse(threadId).success) return null;
  const [row] = await db
    .select({ ...extra, thread: threads, participant: threadParticipants })
    .from(threadParticipants)
    .innerJoin(threads, eq(threads.id, threadParticipants.threadId))
    .where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, actor.id)))
    .limit(1);
  return (row as (Participation & Selected<E>) | undefined) ?? null;
}

/**
 * Takes the thread's row lock, which orders sends (seq is drawn under it) and membership changes.
 * "No key update": rows that only point at the thread (uploads, new participants) need not wait.
 * Read the participation after it, in a statement of its own, so it sees what committed before.
 * `alsoLock` is taken in the same round trip, before the thread's (a send's per-author lock).
 */
export async function lockThread(tx: Executor, threadId: string, alsoLock?: SQL): Promise<boolean> {
  if (!threadIdSchema.safeParse(threadId).success) return false;
  const { rows } = await tx.execute<{ id: string | null }>(
    alsoLock
      ? sql`select ${alsoLock} as also, (select id from ${threads} where id = ${threadId} for no key update) as id`
      : sql`select id from ${threads} where id = ${threadId} for no key update`,
  );
  return Boolean(rows[0]?.id);
}

/** Someone who left (a removed helper) keeps what was said up to then, and nothing after. */
export function lastVisibleSeq({ thread, participant }: Participation): number {
  return participant.leftAtSeq === null ? thread.lastSeq : Math.min(participant.leftAtSeq, thread.lastSeq);
}

export const isActiveParticipant = (participant: Pick<ThreadParticipant, "leftAt">) => participant.leftAt === null;

/** Live channels carry what comes next, so only current participants may join them. */
export async function mayJoinThreadChannels(db: Executor, actor: Actor, threadId: string): Promise<boolean> {
  const participation = await findParticipation(db, actor, threadId);
  return participation !== null && isActiveParticipant(participation.participant);
}

export type RecipientCandidate = { id: string; role: Role; status: "active" | "blocked" };

/**
 * Who the actor may start a thread with: staff may write to anyone; teachers to staff; a student
 * to staff and to the teachers working on one of their assignments. Never to themselves or to a
 * blocked account.
 */
export async function refusedRecipients(db: Executor, actor: Actor, recipients: readonly RecipientCandidate[]): Promise<string[]> {
  const teachersOfStudent = can(actor, "threads:start-with-own-teachers") ? await teachersWorkingFor(db, actor.id) : new Set<string>();
  return recipients
    .filter((recipient) => {
      if (recipient.id === actor.id || recipient.status !== "active") return true;
      if (can(actor, "threads:start-with-anyone")) return false;
      const staff = recipient.role === "cs_rep" || recipient.role === "admin";
      if (staff) return !(can(actor, "threads:start-with-staff") || can(actor, "threads:start-with-own-teachers"));
      if (recipient.role === "teacher" && can(actor, "threads:start-with-own-teachers")) return !teachersOfStudent.has(recipient.id);
      return true;
    })
    .map((recipient) => recipient.id);
}

/** Teachers who accepted work on one of the student's assignments and were not removed. */
export async function teachersWorkingFor(db: Executor, studentId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ teacherId: teacherAssignments.teacherId })
    .from(teacherAssignments)
    .innerJoin(assignments, eq(assignments.id, teacherAssignments.assignmentId))
    .where(and(eq(assignments.studentId, studentId), eq(teacherAssignments.status, "accepted")));
  return new Set(rows.map((row) => row.teacherId));
}

/** Every CS rep and admin who can still sign in: the staff side of Support and assignment threads. */
export async function activeStaffIds(db: Executor, except?: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ["cs_rep", "admin"]), eq(users.status, "active"), except ? ne(users.id, except) : sql`true`));
  return rows.map((row) => row.id);
}
