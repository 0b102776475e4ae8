import { and, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignments, auditLogs, invoices, profiles, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { zonedTimeToInstant } from "@/lib/assignments/time-zone";
import { readableMetadata, formatAuditTime, type ReadableMetadata } from "./metadata";
import { AUDIT_PAGE_SIZE, encodeCursor, type AuditCursor, type AuditLogQuery } from "./schemas";
import { describeTarget, isUuid, nameTargets, type AuditTarget } from "./targets";

export type AuditEntry = {
  id: number;
  at: Date;
  /** The row's position for the next page, to the microsecond (a JS Date keeps only milliseconds). */
  cursorAt: string;
  action: string;
  actor: { id: string; name: string; role: Role; publicId: string } | null;
  target: AuditTarget;
  ip: string | null;
  metadata: Record<string, unknown>;
};

/** The filters turned into conditions once; `null` when a filter names nobody or nothing, so no row can match. */
export type PreparedAuditQuery = { where: SQL[] | null; timeZone: string };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Enough for any real search; a name matching more people than this is narrowed by typing more.
const ACTOR_MATCH_LIMIT = 50;

/**
 * People matching a name, email or public ID, found first so the log is then read through its
 * (actor_id, created_at, id) index. A UNION so each branch uses its own index, as the users list does.
 */
async function actorIdsFor(db: Executor, text: string): Promise<string[]> {
  const needle = `%${escapeLike(text.toLowerCase())}%`;
  const rows = await db.execute<{ id: string }>(sql`
    select id from users where email like ${needle}
    union select user_id from profiles where lower(full_name) like ${needle}
    union select user_id from profiles where public_id = ${text.toUpperCase()}
    limit ${ACTOR_MATCH_LIMIT}`);
  return rows.rows.map((row) => row.id);
}

/** A public code (ASG-…, INV-…, STU-…) becomes the id audit rows hold; anything else is an id as written. */
async function targetIdsFor(db: Executor, text: string): Promise<string[]> {
  const code = text.toUpperCase();
  if (/^ASG-\d+$/.test(code)) return (await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.code, code))).map((row) => row.id);
  if (/^INV-\d{4}-\d+$/.test(code)) return (await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, code))).map((row) => row.id);
  if (/^(STU|TCH|CSR|ADM)-\d+$/.test(code)) return (await db.select({ id: profiles.userId }).from(profiles).where(eq(profiles.publicId, code))).map((row) => row.id);
  // Ids are stored lower case (uuids) or as the provider wrote them (webhook events).
  return [isUuid(text) ? text.toLowerCase() : text];
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

async function timeZoneOf(db: Executor, actor: Actor): Promise<string> {
  const [row] = await db.select({ timeZone: profiles.timeZone }).from(profiles).where(eq(profiles.userId, actor.id));
  return row?.timeZone ?? "UTC";
}

/** Authorizes, reads the admin's time zone and resolves the people and codes the filters name. */
export async function prepareAuditQuery(db: Executor, actor: Actor, query: AuditLogQuery): Promise<PreparedAuditQuery> {
  requirePermission(actor, "audit:read");
  const timeZone = await timeZoneOf(db, actor);
  const where: SQL[] = [];
  if (query.actor) {
    const ids = await actorIdsFor(db, query.actor);
    if (ids.length === 0) return { where: null, timeZone };
    where.push(inArray(auditLogs.actorId, ids));
  }
  if (query.target) {
    const ids = await targetIdsFor(db, query.target);
    if (ids.length === 0) return { where: null, timeZone };
    where.push(inArray(auditLogs.targetId, ids));
  }
  if (query.action) where.push(eq(auditLogs.action, query.action));
  if (query.targetType) where.push(eq(auditLogs.targetType, query.targetType));
  // Whole days on the admin's own calendar: from its midnight to the midnight after `to`.
  if (query.from) {
    const start = zonedTimeToInstant(`${query.from}T00:00`, timeZone);
    if (start) where.push(gte(auditLogs.createdAt, start));
  }
  if (query.to) {
    const end = zonedTimeToInstant(`${nextDay(query.to)}T00:00`, timeZone);
    if (end) where.push(lt(auditLogs.createdAt, end));
  }
  return { where, timeZone };
}

/**
 * Up to `limit` rows after `cursor`, newest first. The row comparison is one index condition on
 * (created_at, id), so each page starts where the last ended however deep it is.
 */
export async function readAuditBatch(db: Executor, prepared: PreparedAuditQuery, cursor: AuditCursor | undefined, limit: number): Promise<AuditEntry[]> {
  if (!prepared.where) return [];
  const after = cursor ? sql`(${auditLogs.createdAt}, ${auditLogs.id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined;
  const rows = await db
    .select({
      id: auditLogs.id,
      at: auditLogs.createdAt,
      cursorAt: sql<string>`to_char(${auditLogs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      action: auditLogs.action,
      targetType: auditLogs.targetType,
      targetId: auditLogs.targetId,
      ip: auditLogs.ip,
      metadata: auditLogs.metadata,
      actorId: auditLogs.actorId,
      actorRole: users.role,
      actorName: profiles.fullName,
      actorPublicId: profiles.publicId,
    })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorId))
    .leftJoin(profiles, eq(profiles.userId, auditLogs.actorId))
    .where(and(...prepared.where, after))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(limit);
  const names = await nameTargets(db, rows);
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    cursorAt: row.cursorAt,
    action: row.action,
    actor: row.actorId && row.actorRole ? { id: row.actorId, name: row.actorName ?? "", role: row.actorRole, publicId: row.actorPublicId ?? "" } : null,
    target: describeTarget(row.targetType, row.targetId, names),
    ip: row.ip,
    metadata: row.metadata,
  }));
}

export type AuditLogPage = {
  rows: (AuditEntry & { when: string; details: ReadableMetadata })[];
  /** The next (older) page's cursor, or null on the last page. */
  nextCursor: string | null;
  timeZone: string;
};

/** One page of the audit log for an admin, newest first, with each row's time and details as they read it. */
export async function listAuditLog(db: Executor, actor: Actor, query: AuditLogQuery): Promise<AuditLogPage> {
  const prepared = await prepareAuditQuery(db, actor, query);
  const rows = await readAuditBatch(db, prepared, query.cursor, AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...row, when: formatAuditTime(row.at, prepared.timeZone), details: readableMetadata(row.metadata, prepared.timeZone, row.action) })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    timeZone: prepared.timeZone,
  };
}

// The distinct values of an indexed column without reading every row: each step jumps the index
// to the next value greater than the last (a "loose index scan"), so it costs one probe per value.
async function distinctValues(db: Executor, column: "action" | "target_type"): Promise<string[]> {
  const name = sql.identifier(column);
  const rows = await db.execute<{ value: string }>(sql`
    with recursive found(value) as (
      (select ${name} from audit_logs order by ${name} limit 1)
      union all
      select (select ${name} from audit_logs where ${name} > found.value order by ${name} limit 1) from found where found.value is not null
    )
    select value from found where value is not null`);
  return rows.rows.map((row) => row.value);
}

/** The actions and target types the log holds, for the filter selects. */
export async function auditFilterOptions(db: Executor, actor: Actor): Promise<{ actions: string[]; targetTypes: string[] }> {
  requirePermission(actor, "audit:read");
  const [actions, targetTypes] = await Promise.all([distinctValues(db, "action"), distinctValues(db, "target_type")]);
  return { actions, targetTypes };
}
