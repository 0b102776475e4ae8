import { and, asc, count, desc, eq, gt, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users, visitorMessages, visitorSessions, type VisitorSession } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { sessionIdSchema, type QueueView } from "./staff-schemas";
import { staffNames } from "./staff-names";
import type { VisitorMessageView, VisitorQueueItem, VisitorSessionDetail } from "./types";
import { visitorMessageView } from "./views";

export const QUEUE_PAGE_SIZE = 25;
const EARLIER_LIMIT = 20;
const MESSAGE_LIMIT = 1_000;

export type VisitorQueuePage = { items: VisitorQueueItem[]; nextCursor: string | null };

type Cursor = { at: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || Number.isNaN(Date.parse(at)) || typeof id !== "string" || !sessionIdSchema.safeParse(id).success) return null;
    return { at, id };
  } catch {
    return null;
  }
}

// Waiting visitors are served oldest first; ended conversations are looked up newest first.
const viewFilter: Record<QueueView, SQL> = {
  live: sql`${visitorSessions.status} in ('open', 'claimed') and ${visitorSessions.offline} = false`,
  waiting: sql`${visitorSessions.status} = 'open' and ${visitorSessions.offline} = false`,
  offline: sql`${visitorSessions.status} in ('open', 'claimed') and ${visitorSessions.offline} = true`,
  closed: sql`${visitorSessions.status} in ('closed', 'converted')`,
};
const newestFirst: Record<QueueView, boolean> = { live: false, waiting: false, offline: false, closed: true };

const firstMessageSql = sql<string | null>`(select left(m.body, 200) from ${visitorMessages} m where m.session_id = ${visitorSessions.id} and m.author_kind = 'visitor' order by m.seq limit 1)`;
const unreadSql = sql<number>`(select count(*)::int from ${visitorMessages} m where m.session_id = ${visitorSessions.id} and m.author_kind = 'visitor' and m.seq > ${visitorSessions.staffReadSeq})`;

const queueColumns = {
  session: visitorSessions,
  createdText: sql<string>`${visitorSessions.createdAt}::text`,
  firstMessage: firstMessageSql,
  unread: unreadSql,
  holderName: profiles.fullName,
};

type QueueRow = { session: VisitorSession; firstMessage: string | null; unread: number; holderName: string | null };

function queueItem(row: QueueRow): VisitorQueueItem {
  const s = row.session;
  return {
    id: s.id,
    status: s.status,
    offline: s.offline,
    name: s.name,
    email: s.email,
    verified: s.verifiedExternalId !== null,
    pageUrl: s.pageUrl,
    firstMessage: row.firstMessage,
    claimedBy: s.claimedBy ? { id: s.claimedBy, name: row.holderName ?? "Former staff member" } : null,
    unread: Number(row.unread),
    createdAt: s.createdAt.toISOString(),
    lastMessageAt: s.lastMessageAt?.toISOString() ?? null,
  };
}

/** A page of one console tab, searched by the visitor's name or email; keyset on (created_at, id). */
export async function listVisitorQueue(db: Executor, actor: Actor, options: { view: QueueView; q?: string; cursor?: string | null; limit?: number }): Promise<VisitorQueuePage> {
  requirePermission(actor, "visitors:serve");
  const limit = Math.min(Math.max(options.limit ?? QUEUE_PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(options.cursor);
  const descending = newestFirst[options.view];
  const conditions: SQL[] = [viewFilter[options.view]];
  if (cursor) {
    conditions.push(
      descending
        ? sql`(${visitorSessions.createdAt}, ${visitorSessions.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${visitorSessions.createdAt}, ${visitorSessions.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const term = (options.q ?? "").replace(/[\u0000\uFFFD]/g, "").trim().toLowerCase().slice(0, 200);
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(or(sql`lower(${visitorSessions.name}) like ${pattern}`, sql`lower(${visitorSessions.email}) like ${pattern}`)!);
  }
  const rows = await db
    .select(queueColumns)
    .from(visitorSessions)
    .leftJoin(profiles, eq(profiles.userId, visitorSessions.claimedBy))
    .where(and(...conditions))
    .orderBy(...(descending ? [desc(visitorSessions.createdAt), desc(visitorSessions.id)] : [asc(visitorSessions.createdAt), asc(visitorSessions.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(queueItem), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdText, id: last.session.id }) : null };
}

/** Visitors waiting for someone to take them: the nav badge (offline leads are not waiting on a live reply). */
export async function countWaitingVisitors(db: Executor, actor: Actor): Promise<number> {
  if (!can(actor, "visitors:serve")) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(visitorSessions)
    .where(and(eq(visitorSessions.status, "open"), eq(visitorSessions.offline, false)));
  return row?.n ?? 0;
}

/** Messages in seq order with their staff authors' names; `after` catches up after a reconnect. */
export async function visitorMessageViews(db: Executor, sessionId: string, after = 0): Promise<VisitorMessageView[]> {
  const rows = await db
    .select()
    .from(visitorMessages)
    .where(and(eq(visitorMessages.sessionId, sessionId), gt(visitorMessages.seq, after)))
    .orderBy(asc(visitorMessages.seq))
    .limit(MESSAGE_LIMIT);
  const names = await staffNames(db, rows.map((row) => row.authorId));
  return rows.map((row) => visitorMessageView(row, row.authorId ? (names.get(row.authorId) ?? "Former staff member") : "Support"));
}

/** Messages after seq, for the console catching up; null when there is no such session (or the id is malformed). */
export async function listVisitorMessagesAfter(db: Executor, actor: Actor, sessionId: string, after: number): Promise<VisitorMessageView[] | null> {
  requirePermission(actor, "visitors:serve");
  if (!sessionIdSchema.safeParse(sessionId).success) return null;
  const [exists] = await db.select({ id: visitorSessions.id }).from(visitorSessions).where(eq(visitorSessions.id, sessionId));
  return exists ? visitorMessageViews(db, sessionId, after) : null;
}

/** One conversation with its messages and the visitor's other sessions (same token or same email); null when unknown. */
export async function loadVisitorSession(db: Executor, actor: Actor, sessionId: string): Promise<VisitorSessionDetail | null> {
  requirePermission(actor, "visitors:serve");
  if (!sessionIdSchema.safeParse(sessionId).success) return null;
  const [row] = await db.select(queueColumns).from(visitorSessions).leftJoin(profiles, eq(profiles.userId, visitorSessions.claimedBy)).where(eq(visitorSessions.id, sessionId));
  if (!row) return null;
  const s = row.session;
  const sameVisitor = s.email ? or(eq(visitorSessions.tokenHash, s.tokenHash), sql`lower(${visitorSessions.email}) = lower(${s.email})`) : eq(visitorSessions.tokenHash, s.tokenHash);
  const [messages, earlier] = await Promise.all([
    visitorMessageViews(db, s.id),
    db
      .select({ id: visitorSessions.id, status: visitorSessions.status, createdAt: visitorSessions.createdAt, firstMessage: firstMessageSql })
      .from(visitorSessions)
      .where(and(ne(visitorSessions.id, s.id), sameVisitor))
      .orderBy(desc(visitorSessions.createdAt))
      .limit(EARLIER_LIMIT),
  ]);
  return {
    ...queueItem(row),
    referrer: s.referrer,
    timeZone: s.timeZone,
    userAgent: s.userAgent,
    verifiedExternalId: s.verifiedExternalId,
    closeReason: s.closeReason,
    closedAt: s.closedAt?.toISOString() ?? null,
    convertedUserId: s.convertedUserId,
    convertedThreadId: s.convertedThreadId,
    lastSeq: s.lastSeq,
    visitorReadSeq: s.visitorReadSeq,
    staffReadSeq: s.staffReadSeq,
    messages,
    earlier: earlier.map((e) => ({ id: e.id, status: e.status, createdAt: e.createdAt.toISOString(), firstMessage: e.firstMessage })),
  };
}

/** CS reps and admins a conversation can be handed to. */
export async function listTransferTargets(db: Executor, actor: Actor): Promise<{ id: string; name: string; role: "cs_rep" | "admin" }[]> {
  requirePermission(actor, "visitors:serve");
  const rows = await db
    .select({ id: users.id, name: profiles.fullName, role: users.role })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(and(inArray(users.role, ["cs_rep", "admin"]), eq(users.status, "active")))
    .orderBy(asc(profiles.fullName))
    .limit(200);
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role === "admin" ? "admin" : "cs_rep" }));
}
