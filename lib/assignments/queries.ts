import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, profiles, teacherAssignments, users, type Assignment, type AssignmentStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { assignmentScope, ownTeacherRowScope, requireAnyPermission } from "./policy";
import { ASSIGNMENTS_PAGE_SIZE, idSchema, type AssignmentListQuery, type AssignmentSortColumn, type QueueQuery, type TeacherFilter, type TeacherListQuery } from "./schemas";

const openStatuses: AssignmentStatus[] = ["assigned", "in_progress", "delivered", "revision_requested"];
export const DUE_SOON_HOURS = 48;
const QUEUE_WAIT_HOURS = 24;

/** Not yet completed or cancelled: a student's open requests. */
export const notFinished = sql`${assignments.status} not in ('completed', 'cancelled')`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Each branch has its index: trigram GIN on lower(title) and lower(subject), unique btree on code.
function searchCondition(q: string): SQL | undefined {
  const needle = `%${escapeLike(q.toLowerCase())}%`;
  const digits = /^(?:asg-?)?0*(\d{1,9})$/i.exec(q)?.[1];
  const code = digits ? `ASG-${digits.padStart(6, "0")}` : q.toUpperCase();
  return or(sql`lower(${assignments.title}) like ${needle}`, sql`lower(${assignments.subject}) like ${needle}`, eq(assignments.code, code));
}

const primaryTeacherName = sql<string | null>`(
  select p.full_name from teacher_assignments ta join profiles p on p.user_id = ta.teacher_id
  where ta.assignment_id = ${assignments.id} and ta.role = 'primary' and ta.status in ('pending', 'accepted') limit 1)`;

const summary = {
  id: assignments.id,
  code: assignments.code,
  title: assignments.title,
  subject: assignments.subject,
  serviceType: assignments.serviceType,
  status: assignments.status,
  version: assignments.version,
  dueAt: assignments.dueAt,
  dueTimeZone: assignments.dueTimeZone,
  createdAt: assignments.createdAt,
  updatedAt: assignments.updatedAt,
};

function paged<T>(items: T[], total: number, page: number, totalIsCapped = false) {
  return { items, total, totalIsCapped, page, pageCount: Math.max(1, Math.ceil(total / ASSIGNMENTS_PAGE_SIZE)) };
}

// The list schemas stop at page 400; counting past its last row would read rows no page can show.
const COUNT_CAP = 400 * ASSIGNMENTS_PAGE_SIZE;

// Status sorts in the workflow's order (the enum's), from submitted to cancelled.
const sortColumn: Record<AssignmentSortColumn, SQL> = {
  created: sql`${assignments.createdAt}`,
  due: sql`${assignments.dueAt}`,
  status: sql`${assignments.status}`,
  title: sql`lower(${assignments.title})`,
};

/** Newest first unless a column is chosen; the id breaks ties so offset pages never repeat or skip a row. */
function listOrder(query: Pick<AssignmentListQuery, "sort" | "dir">): SQL[] {
  if (!query.sort) return [desc(assignments.createdAt), desc(assignments.id)];
  const descending = query.dir === "desc";
  return [sql`${sortColumn[query.sort]} ${descending ? sql`desc` : sql`asc`}`, descending ? desc(assignments.id) : asc(assignments.id)];
}

/** Any role's list, scoped to what the actor may see; newest first unless the query sorts by a column. */
export async function listAssignmentsForActor(db: Executor, actor: Actor, query: AssignmentListQuery) {
  requireAnyPermission(actor, "assignments:view-all", "assignments:view-own", "assignments:view-assigned");
  const where = and(
    assignmentScope(actor),
    query.q ? searchCondition(query.q) : undefined,
    query.status ? eq(assignments.status, query.status) : undefined,
    query.service ? eq(assignments.serviceType, query.service) : undefined,
    query.open ? notFinished : undefined,
  );
  // The page's ids first, in index order, so a deep page skips bare ids instead of joined rows
  // with their teacher names; only its own rows are then joined.
  const pageIds = db
    .select({ id: assignments.id })
    .from(assignments)
    .where(where)
    .orderBy(...listOrder(query))
    .limit(ASSIGNMENTS_PAGE_SIZE)
    .offset((query.page - 1) * ASSIGNMENTS_PAGE_SIZE)
    .as("page_ids");
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...summary, studentName: profiles.fullName, primaryTeacherName })
      .from(pageIds)
      .innerJoin(assignments, eq(assignments.id, pageIds.id))
      .innerJoin(profiles, eq(profiles.userId, assignments.studentId))
      .orderBy(...listOrder(query)),
    db.select({ n: count() }).from(db.select({ one: sql`1` }).from(assignments).where(where).limit(COUNT_CAP + 1).as("capped")),
  ]);
  // Teachers work through the platform; the student's name is for the student and staff.
  const showStudent = !can(actor, "assignments:view-assigned");
  const counted = total?.n ?? 0;
  return paged(rows.map((row) => ({ ...row, studentName: showStudent ? row.studentName : null })), Math.min(counted, COUNT_CAP), query.page, counted > COUNT_CAP);
}

/** Requests not yet completed or cancelled, among those the actor may see. */
export async function countOpenAssignmentsForActor(db: Executor, actor: Actor): Promise<number> {
  requireAnyPermission(actor, "assignments:view-all", "assignments:view-own", "assignments:view-assigned");
  const [row] = await db
    .select({ n: count() })
    .from(assignments)
    .where(and(assignmentScope(actor), notFinished));
  return row?.n ?? 0;
}

// Open work only: closed_at is set when the assignment ends (change-assignment.ts), so these read
// the teacher's few open rows from teacher_assignments_open_workload_idx, not their whole history.
const stillOpen = isNull(teacherAssignments.closedAt);

export const teacherTab: Record<TeacherListQuery["tab"], SQL | undefined> = {
  offers: and(eq(teacherAssignments.status, "pending"), stillOpen, inArray(assignments.status, openStatuses)),
  active: and(eq(teacherAssignments.status, "accepted"), stillOpen, inArray(assignments.status, ["assigned", "in_progress", "revision_requested"])),
  delivered: and(eq(teacherAssignments.status, "accepted"), stillOpen, eq(assignments.status, "delivered")),
  completed: and(eq(teacherAssignments.status, "accepted"), eq(teacherAssignments.closedAs, "completed")),
};

/** The Active tab narrowed the way the teacher's dashboard counts (overdue work counts as due within 48 hours). */
export function teacherFilterCondition(filter: TeacherFilter, now: Date): SQL | undefined {
  if (filter === "revision") return eq(assignments.status, "revision_requested");
  return lt(assignments.dueAt, new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000));
}

/** A teacher's My assignments: pending offers, accepted work, delivered, completed; Active narrowed by `filter`. */
export async function listTeacherAssignments(db: Executor, actor: Actor, query: TeacherListQuery, now: Date = new Date()) {
  requirePermission(actor, "assignments:view-assigned");
  const narrowed = query.tab === "active" && query.filter ? teacherFilterCondition(query.filter, now) : undefined;
  const where = and(ownTeacherRowScope(actor), teacherTab[query.tab], narrowed);
  // Offers and open work by urgency; finished work most recently finished first (its rows closed
  // then), in the order of teacher_assignments_completed_idx.
  const order =
    query.tab === "completed"
      ? [sql`${teacherAssignments.closedAt} desc nulls last`, sql`${teacherAssignments.assignmentId} desc nulls last`]
      : query.tab === "offers" || query.tab === "active"
        ? [asc(assignments.dueAt), asc(assignments.id)]
        : [desc(assignments.updatedAt), desc(assignments.id)];
  // The Completed tab reads the teacher's own rows only (they say how each assignment ended), so a
  // deep page skips and counts index entries; the other tabs hold open work, a few rows each.
  const rowsOfTab = () => {
    const rows = db.select({ id: teacherAssignments.assignmentId }).from(teacherAssignments);
    return query.tab === "completed" ? rows : rows.innerJoin(assignments, eq(assignments.id, teacherAssignments.assignmentId));
  };
  // The page's assignment ids first; a teacher has one live row per assignment, so the id and the
  // same conditions find each row again to join it whole.
  const pageIds = rowsOfTab()
    .where(where)
    .orderBy(...order)
    .limit(ASSIGNMENTS_PAGE_SIZE)
    .offset((query.page - 1) * ASSIGNMENTS_PAGE_SIZE)
    .as("page_ids");
  const [items, [total]] = await Promise.all([
    db
      .select({ ...summary, myRole: teacherAssignments.role, myOfferStatus: teacherAssignments.status, offeredAt: teacherAssignments.createdAt })
      .from(pageIds)
      .innerJoin(assignments, eq(assignments.id, pageIds.id))
      .innerJoin(teacherAssignments, eq(teacherAssignments.assignmentId, pageIds.id))
      .where(where)
      .orderBy(...order),
    db.select({ n: count() }).from(rowsOfTab().where(where).as("tab_rows")),
  ]);
  return paged(items, total?.n ?? 0, query.page);
}

/** Waiting for a teacher; with `olderThan`, only requests created more than 24 hours before `now`. */
export function queueCondition(olderThan: QueueQuery["olderThan"], now: Date): SQL | undefined {
  return and(eq(assignments.status, "submitted"), olderThan ? lt(assignments.createdAt, new Date(now.getTime() - QUEUE_WAIT_HOURS * 3_600_000)) : undefined);
}

/** Requests waiting for a teacher, oldest first, with how close each due date is. */
export async function listAssignmentQueue(db: Executor, actor: Actor, page = 1, olderThan?: QueueQuery["olderThan"], now: Date = new Date()) {
  requirePermission(actor, "assignments:assign");
  const where = queueCondition(olderThan, now);
  const order = [asc(assignments.createdAt), asc(assignments.id)];
  // The page's ids first (assignments_status_created_idx), so a deep page skips bare ids, not rows with their decline counts.
  const pageIds = db
    .select({ id: assignments.id })
    .from(assignments)
    .where(where)
    .orderBy(...order)
    .limit(ASSIGNMENTS_PAGE_SIZE)
    .offset((Math.max(1, Math.floor(page)) - 1) * ASSIGNMENTS_PAGE_SIZE)
    .as("page_ids");
  const [rows, [total]] = await Promise.all([
    db
      .select({
        ...summary,
        studentName: profiles.fullName,
        declines: sql<number>`(select count(*)::int from teacher_assignments ta where ta.assignment_id = ${assignments.id} and ta.status = 'declined')`,
      })
      .from(pageIds)
      .innerJoin(assignments, eq(assignments.id, pageIds.id))
      .innerJoin(profiles, eq(profiles.userId, assignments.studentId))
      .orderBy(...order),
    db.select({ n: count() }).from(assignments).where(where),
  ]);
  const at = now.getTime();
  const items = rows.map((row) => ({
    ...row,
    overdue: row.dueAt.getTime() <= at,
    dueSoon: row.dueAt.getTime() - at < DUE_SOON_HOURS * 3_600_000,
  }));
  return paged(items, total?.n ?? 0, page);
}

/** Active teachers for the assign form, least loaded first, with their subjects. */
export async function listTeacherPicker(db: Executor, actor: Actor) {
  requirePermission(actor, "assignments:assign");
  // Served by the partial index teacher_assignments_open_workload_idx: only live rows of open work.
  const openWorkload = sql<number>`(
    select count(*)::int from teacher_assignments ta
    where ta.teacher_id = ${users.id} and ta.status in ('pending', 'accepted') and ta.closed_at is null)`;
  return db
    .select({ id: users.id, name: profiles.fullName, publicId: profiles.publicId, subjects: profiles.subjects, openWorkload })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(users.role, "teacher"), eq(users.status, "active")))
    .orderBy(asc(openWorkload), asc(profiles.fullName));
}

/** One assignment the actor may see; anything else, including a malformed id, is not found. */
export async function getAssignmentForActorOrThrow(db: Executor, actor: Actor, assignmentId: string): Promise<Assignment> {
  if (!idSchema.safeParse(assignmentId).success) throw new AppError("not_found", "Assignment not found");
  const [row] = await db.select().from(assignments).where(and(eq(assignments.id, assignmentId), assignmentScope(actor))).limit(1);
  if (!row) throw new AppError("not_found", "Assignment not found");
  return row;
}
