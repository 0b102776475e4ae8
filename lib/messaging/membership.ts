import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { threadParticipants, threads, type Assignment } from "@/db/schema";
import { activeStaffIds } from "./policy";

/**
 * Adds people to a thread (or brings back someone who left: staff re-added them). Their inbox
 * places the thread by its last activity, like everyone else's.
 */
export async function addParticipants(tx: Executor, threadId: string, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const activity = sql`(select coalesce(${threads.lastMessageAt}, ${threads.createdAt}) from ${threads} where ${threads.id} = ${threadId})`;
  await tx
    .insert(threadParticipants)
    .values(unique.map((userId) => ({ threadId, userId, activityAt: activity })))
    .onConflictDoUpdate({
      target: [threadParticipants.threadId, threadParticipants.userId],
      set: { leftAt: null, leftAtSeq: null },
      setWhere: sql`${threadParticipants.leftAt} is not null`,
    });
}

/**
 * Opening a staff thread reads the staff list while a new CS rep or admin's join reads the thread
 * list: without this lock, a student signing up while an admin creates a rep leaves that rep out of
 * the new Support thread (each transaction misses the other's uncommitted row). Openers share it;
 * a joining staff member takes it alone, so one of the two always sees the other.
 */
const lockStaffThreads = (tx: Executor, mode: "open" | "join") =>
  tx.execute(mode === "open" ? sql`select pg_advisory_xact_lock_shared(hashtextextended('threads:staff', 0))` : sql`select pg_advisory_xact_lock(hashtextextended('threads:staff', 0))`);

/** Every student has one Support thread with the CS reps and admins; made the first time it is needed. */
export async function ensureSupportThread(tx: Executor, studentId: string): Promise<string> {
  await lockStaffThreads(tx, "open");
  const [created] = await tx
    .insert(threads)
    .values({ kind: "support", subject: "Support", supportStudentId: studentId, createdBy: studentId })
    .onConflictDoNothing({ target: threads.supportStudentId })
    .returning({ id: threads.id });
  if (created) {
    await addParticipants(tx, created.id, [studentId, ...(await activeStaffIds(tx))]);
    return created.id;
  }
  const [existing] = await tx.select({ id: threads.id }).from(threads).where(eq(threads.supportStudentId, studentId));
  if (!existing) throw new Error("support thread vanished");
  return existing.id;
}

/**
 * An assignment's thread opens when its primary teacher accepts: the student, staff and each
 * teacher as they accept. Calling it again only adds the teacher.
 */
export async function joinAssignmentThread(tx: Executor, assignment: Pick<Assignment, "id" | "code" | "title" | "studentId">, teacherId: string): Promise<string> {
  await lockStaffThreads(tx, "open");
  const [created] = await tx
    .insert(threads)
    .values({ kind: "assignment", subject: `${assignment.code}: ${assignment.title}`, assignmentId: assignment.id, createdBy: teacherId })
    .onConflictDoNothing({ target: threads.assignmentId })
    .returning({ id: threads.id });
  if (created) {
    await addParticipants(tx, created.id, [assignment.studentId, teacherId, ...(await activeStaffIds(tx))]);
    return created.id;
  }
  const [existing] = await tx.select({ id: threads.id }).from(threads).where(eq(threads.assignmentId, assignment.id));
  if (!existing) throw new Error("assignment thread vanished");
  await addParticipants(tx, existing.id, [teacherId]);
  return existing.id;
}

/** A removed teacher keeps the conversation up to now, read-only, and nothing after. */
export async function leaveAssignmentThread(tx: Executor, assignmentId: string, teacherId: string): Promise<void> {
  // After any send in flight: what it stored stays visible to them, and no later send gets past.
  const [thread] = await tx.select({ id: threads.id }).from(threads).where(eq(threads.assignmentId, assignmentId)).for("no key update");
  if (!thread) return;
  await tx
    .update(threadParticipants)
    .set({ leftAt: sql`now()`, leftAtSeq: sql`(select ${threads.lastSeq} from ${threads} where ${threads.id} = ${thread.id})`, unreadCount: 0, unreadSince: null, notifiedAt: null, emailedAt: null })
    .where(and(eq(threadParticipants.threadId, thread.id), eq(threadParticipants.userId, teacherId), sql`${threadParticipants.leftAt} is null`));
}

/** A new CS rep or admin joins every Support and assignment thread, as staff already there did. */
export async function joinStaffThreads(tx: Executor, staffId: string): Promise<void> {
  await lockStaffThreads(tx, "join");
  await tx.execute(sql`
    insert into ${threadParticipants} (thread_id, user_id, activity_at)
    select ${threads.id}, ${staffId}, coalesce(${threads.lastMessageAt}, ${threads.createdAt})
    from ${threads} where ${threads.kind} in ('support', 'assignment')
    on conflict do nothing`);
}
