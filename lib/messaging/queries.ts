import { and, asc, count, desc, eq, gt, inArray, lte, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, messageAttachments, messages, profiles, teacherAssignments, threadParticipants, threads, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { messageViews, peopleById } from "./message-views";
import { findParticipation, lastVisibleSeq } from "./policy";
import { prefixTsQuery } from "./search-query";
import { MESSAGE_PAGE_SIZE, type InboxFilter, type InboxItem, type InboxPage, type MessagePage, type RecipientOption, type ThreadView } from "./types";

const INBOX_PAGE_SIZE = 25;

const assignmentHref: Record<Role, (id: string) => string> = {
  student: (id) => `/student/assignments/${id}`,
  teacher: (id) => `/teacher/assignments/${id}`,
  cs_rep: (id) => `/support/assignments/${id}`,
  admin: (id) => `/admin/assignments/${id}`,
};

/** Threads with something the actor has not read: the Messages badge. */
export async function countUnreadThreads(db: Executor, actor: Actor): Promise<number> {
  if (!can(actor, "threads:take-part")) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(threadParticipants)
    .where(and(eq(threadParticipants.userId, actor.id), gt(threadParticipants.unreadCount, 0), sql`${threadParticipants.leftAt} is null`));
  return row?.n ?? 0;
}

type Cursor = { activityAt: string; threadId: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.activityAt, cursor.threadId])).toString("base64url");
}

function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [activityAt, threadId] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof activityAt !== "string" || Number.isNaN(Date.parse(activityAt)) || typeof threadId !== "string" || !/^[0-9a-f-]{36}$/.test(threadId)) return null;
    return { activityAt, threadId };
  } catch {
    return null;
  }
}

const kindFilters: Partial<Record<InboxFilter, SQL>> = {
  assignment: sql`${threads.kind} = 'assignment'`,
  support: sql`${threads.kind} = 'support'`,
  direct: sql`${threads.kind} = 'direct'`,
  unread: sql`${threadParticipants.unreadCount} > 0 and ${threadParticipants.leftAt} is null`,
};

/**
 * The actor's threads, most recent activity first, read in the order of the inbox index
 * (participant, activity desc); the cursor is the last row's exact activity time and id.
 */
export async function listInbox(db: Executor, actor: Actor, options: { q?: string; filter?: InboxFilter; cursor?: string | null; limit?: number } = {}): Promise<InboxPage> {
  if (!can(actor, "threads:take-part")) return { items: [], nextCursor: null };
  const limit = Math.min(Math.max(options.limit ?? INBOX_PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(options.cursor);
  const query = prefixTsQuery(options.q);
  // A student's Support thread before anyone wrote in it is theirs to start, and only noise to staff.
  const conditions: SQL[] = [eq(threadParticipants.userId, actor.id), sql`not (${threads.kind} = 'support' and ${threads.lastSeq} = 0 and ${threads.supportStudentId} <> ${actor.id})`];
  const filter = options.filter ? kindFilters[options.filter] : undefined;
  if (filter) conditions.push(filter);
  if (cursor) conditions.push(sql`(${threadParticipants.activityAt}, ${threadParticipants.threadId}) < (${cursor.activityAt}::timestamptz, ${cursor.threadId}::uuid)`);
  if (query) {
    conditions.push(sql`(${threads.subjectSearch} @@ ${query} or exists (
      select 1 from ${messages} m
      where m.thread_id = ${threads.id} and m.deleted_at is null and m.body_search @@ ${query}
        and (${threadParticipants.leftAtSeq} is null or m.seq <= ${threadParticipants.leftAtSeq})))`);
  }
  const rows = await db
    .select({
      threadId: threadParticipants.threadId,
      unreadCount: threadParticipants.unreadCount,
      leftAtSeq: threadParticipants.leftAtSeq,
      activityAt: threadParticipants.activityAt,
      activityText: sql<string>`${threadParticipants.activityAt}::text`,
      kind: threads.kind,
      subject: threads.subject,
      lastSeq: threads.lastSeq,
      assignmentCode: assignments.code,
      assignmentTitle: assignments.title,
    })
    .from(threadParticipants)
    .innerJoin(threads, eq(threads.id, threadParticipants.threadId))
    .leftJoin(assignments, eq(assignments.id, threads.assignmentId))
    .where(and(...conditions))
    .orderBy(desc(threadParticipants.activityAt), desc(threadParticipants.threadId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ activityAt: last.activityText, threadId: last.threadId }) : null;
  if (page.length === 0) return { items: [], nextCursor: null };

  const threadIds = page.map((row) => row.threadId);
  const visibleSeq = (row: (typeof page)[number]) => (row.leftAtSeq === null ? row.lastSeq : Math.min(row.leftAtSeq, row.lastSeq));
  const wanted = page.filter((row) => visibleSeq(row) > 0);
  const lastMessages = wanted.length
    ? await db
        .select()
        .from(messages)
        .where(or(...wanted.map((row) => and(eq(messages.threadId, row.threadId), eq(messages.seq, visibleSeq(row))))))
    : [];
  const attachmentCounts = lastMessages.length
    ? await db
        .select({ messageId: messageAttachments.messageId, n: count() })
        .from(messageAttachments)
        .where(inArray(messageAttachments.messageId, lastMessages.map((message) => message.id)))
        .groupBy(messageAttachments.messageId)
    : [];
  const others = await db
    .select({ threadId: threadParticipants.threadId, userId: threadParticipants.userId })
    .from(threadParticipants)
    .where(and(inArray(threadParticipants.threadId, threadIds), ne(threadParticipants.userId, actor.id), sql`${threadParticipants.leftAt} is null`));
  const people = await peopleById(db, [...others.map((row) => row.userId), ...lastMessages.map((message) => message.authorId)]);

  const items = page.map((row): InboxItem => {
    const message = lastMessages.find((candidate) => candidate.threadId === row.threadId);
    const author = message ? people.get(message.authorId) : undefined;
    const everyoneElse = others
      .filter((other) => other.threadId === row.threadId)
      .map((other) => people.get(other.userId))
      .filter((person) => person !== undefined)
      // Students and teachers first: on a Support thread the student is who the staff want to see.
      .sort((a, b) => Number(a.role === "cs_rep" || a.role === "admin") - Number(b.role === "cs_rep" || b.role === "admin") || a.name.localeCompare(b.name));
    return {
      id: row.threadId,
      kind: row.kind,
      subject: row.subject,
      others: everyoneElse,
      lastMessage: message
        ? {
            authorName: author?.name ?? "Former user",
            authorIsViewer: message.authorId === actor.id,
            preview: message.deletedAt ? "" : message.body.slice(0, 160),
            deleted: message.deletedAt !== null,
            attachmentCount: message.deletedAt ? 0 : (attachmentCounts.find((entry) => entry.messageId === message.id)?.n ?? 0),
            at: message.createdAt.toISOString(),
          }
        : null,
      unreadCount: row.leftAtSeq === null ? row.unreadCount : 0,
      activityAt: row.activityAt.toISOString(),
      assignment: row.assignmentCode && row.assignmentTitle ? { code: row.assignmentCode, title: row.assignmentTitle } : null,
    };
  });
  return { items, nextCursor };
}

/** A thread's header, participants and read positions; null for anyone not in it. */
export async function loadThread(db: Executor, actor: Actor, threadId: string): Promise<ThreadView | null> {
  const participation = await findParticipation(db, actor, threadId);
  if (!participation) return null;
  const { thread, participant } = participation;
  const members = await db
    .select({ userId: threadParticipants.userId, lastReadSeq: threadParticipants.lastReadSeq, leftAt: threadParticipants.leftAt })
    .from(threadParticipants)
    .where(eq(threadParticipants.threadId, thread.id));
  const people = await peopleById(db, members.map((member) => member.userId));
  const [assignment] = thread.assignmentId
    ? await db.select({ id: assignments.id, code: assignments.code, title: assignments.title }).from(assignments).where(eq(assignments.id, thread.assignmentId))
    : [];
  const visible = lastVisibleSeq(participation);
  return {
    id: thread.id,
    kind: thread.kind,
    subject: thread.subject,
    assignment: assignment ? { ...assignment, href: assignmentHref[actor.role](assignment.id) } : null,
    participants: members.flatMap((member) => {
      const person = people.get(member.userId);
      // What someone read after the viewer left is not the viewer's to know.
      return person ? [{ ...person, lastReadSeq: Math.min(member.lastReadSeq, visible), active: member.leftAt === null }] : [];
    }),
    viewer: { id: actor.id, lastReadSeq: participant.lastReadSeq, canSend: participant.leftAt === null, muted: participant.muted },
    lastSeq: visible,
  };
}

/**
 * A page of messages, oldest first: the newest page, the page before `before` ("load older"),
 * or what came after `after` (catching up after a reconnect). Keyset on seq, never an offset.
 */
export async function listMessages(db: Executor, actor: Actor, threadId: string, options: { before?: number; after?: number; limit?: number } = {}): Promise<MessagePage | null> {
  const participation = await findParticipation(db, actor, threadId);
  if (!participation) return null;
  const limit = Math.min(Math.max(options.limit ?? MESSAGE_PAGE_SIZE, 1), 200);
  const visible = lastVisibleSeq(participation);
  const inThread = eq(messages.threadId, participation.thread.id);
  if (options.after !== undefined) {
    const rows = await db
      .select()
      .from(messages)
      .where(and(inThread, gt(messages.seq, options.after), lte(messages.seq, visible)))
      .orderBy(asc(messages.seq))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    return { messages: await messageViews(db, page), hasOlder: (page[0]?.seq ?? options.after + 1) > 1, hasNewer: rows.length > limit };
  }
  const ceiling = options.before === undefined ? visible + 1 : Math.min(options.before, visible + 1);
  const rows = await db
    .select()
    .from(messages)
    .where(and(inThread, lt(messages.seq, ceiling)))
    .orderBy(desc(messages.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit).reverse();
  return { messages: await messageViews(db, page), hasOlder: rows.length > limit, hasNewer: ceiling <= visible };
}

const RECIPIENT_LIMIT = 20;

/** People the actor may start a thread with, matching what they typed (name, email or public id). */
export async function listRecipients(db: Executor, actor: Actor, q: string): Promise<RecipientOption[]> {
  const anyone = can(actor, "threads:start-with-anyone");
  const toStaff = can(actor, "threads:start-with-staff") || can(actor, "threads:start-with-own-teachers");
  const toOwnTeachers = can(actor, "threads:start-with-own-teachers");
  if (!anyone && !toStaff && !toOwnTeachers) return [];
  const allowed: SQL[] = [];
  if (anyone) allowed.push(sql`true`);
  else {
    if (toStaff) allowed.push(inArray(users.role, ["cs_rep", "admin"]));
    if (toOwnTeachers)
      allowed.push(
        sql`${users.id} in (select ${teacherAssignments.teacherId} from ${teacherAssignments} join ${assignments} on ${assignments.id} = ${teacherAssignments.assignmentId}
            where ${assignments.studentId} = ${actor.id} and ${teacherAssignments.status} = 'accepted')`,
      );
  }
  // NUL cannot reach PostgreSQL text, and U+FFFD (bytes that were not UTF-8) matches no name.
  const term = q.replace(/[\u0000\uFFFD]/g, "").trim().toLowerCase().slice(0, 100);
  const pattern = `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await db
    .select({ id: users.id, role: users.role, name: profiles.fullName, publicId: profiles.publicId })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(users.status, "active"),
        ne(users.id, actor.id),
        or(...allowed),
        term ? or(sql`lower(${profiles.fullName}) like ${pattern}`, sql`${users.email} like ${pattern}`, sql`lower(${profiles.publicId}) like ${pattern}`) : undefined,
      ),
    )
    .orderBy(asc(profiles.fullName), asc(users.id))
    .limit(RECIPIENT_LIMIT);
  return rows;
}
