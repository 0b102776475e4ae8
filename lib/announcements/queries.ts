import { and, count, desc, eq, gt, isNotNull, isNull, lte, notExists, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { announcementDismissals, announcementRecipients, announcements, profiles, type Announcement } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { isForUser } from "./audience";
import { renderAnnouncementMarkdown } from "./render-markdown";
import type { AdminAnnouncementListQuery, AnnouncementListQuery } from "./schemas";

export const ANNOUNCEMENTS_PAGE_SIZE = 20;
const MAX_BANNERS = 3;

/** What a reader is shown: the body already rendered and sanitized on the server. */
export type AnnouncementView = {
  id: string;
  title: string;
  html: string;
  severity: Announcement["severity"];
  pinned: boolean;
  publishedAt: string;
  editedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
};

function toView(row: Announcement, now: Date): AnnouncementView {
  return {
    id: row.id,
    title: row.title,
    html: renderAnnouncementMarkdown(row.bodyMarkdown),
    severity: row.severity,
    pinned: row.pinned,
    publishedAt: (row.publishedAt ?? row.publishAt).toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  };
}

const live = and(isNotNull(announcements.publishedAt), isNull(announcements.unpublishedAt));
const notExpired = (now: Date) => or(isNull(announcements.expiresAt), gt(announcements.expiresAt, now));

function searchOf(q: string): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(sql`lower(${announcements.title}) like ${pattern}`, sql`lower(${announcements.bodyMarkdown}) like ${pattern}`);
}

/** The banners a person sees now: theirs, published, not expired, not unpublished, not dismissed; pinned first. */
export async function activeBanners(db: Executor, actor: Actor, now: Date = new Date()): Promise<AnnouncementView[]> {
  if (!can(actor, "announcements:read")) return [];
  const rows = await db
    .select()
    .from(announcements)
    .where(
      and(
        live,
        notExpired(now),
        isForUser(actor.id, actor.role),
        notExists(
          db
            .select({ one: sql`1` })
            .from(announcementDismissals)
            .where(and(eq(announcementDismissals.announcementId, announcements.id), eq(announcementDismissals.userId, actor.id))),
        ),
      ),
    )
    .orderBy(desc(announcements.pinned), desc(announcements.publishedAt), desc(announcements.id))
    .limit(MAX_BANNERS);
  return rows.map((row) => toView(row, now));
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

/** The Announcements page: every announcement published to the reader, dismissed or expired included; pinned current ones first. */
export async function listAnnouncements(db: Executor, actor: Actor, query: AnnouncementListQuery, now: Date = new Date()): Promise<Page<AnnouncementView>> {
  if (!can(actor, "announcements:read")) throw new AppError("forbidden", "You cannot read announcements");
  const where = and(live, lte(announcements.publishedAt, now), isForUser(actor.id, actor.role), searchOf(query.q));
  const current = sql`(${announcements.pinned} and (${announcements.expiresAt} is null or ${announcements.expiresAt} > ${now}))`;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(announcements)
      .where(where)
      .orderBy(desc(current), desc(announcements.publishedAt), desc(announcements.id))
      .limit(ANNOUNCEMENTS_PAGE_SIZE)
      .offset((query.page - 1) * ANNOUNCEMENTS_PAGE_SIZE),
    db.select({ total: count() }).from(announcements).where(where),
  ]);
  return { rows: rows.map((row) => toView(row, now)), total: counted?.total ?? 0, page: query.page, pageSize: ANNOUNCEMENTS_PAGE_SIZE };
}

export type AdminAnnouncementState = "scheduled" | "live" | "expired" | "unpublished";

export type AdminAnnouncementRow = {
  id: string;
  title: string;
  audience: Announcement["audience"];
  severity: Announcement["severity"];
  pinned: boolean;
  state: AdminAnnouncementState;
  publishAt: string;
  expiresAt: string | null;
  editedAt: string | null;
  authorName: string | null;
};

export function stateOf(row: Pick<Announcement, "publishedAt" | "unpublishedAt" | "expiresAt">, now: Date): AdminAnnouncementState {
  if (row.unpublishedAt) return "unpublished";
  if (!row.publishedAt) return "scheduled";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "live";
}

function adminStateFilter(state: AdminAnnouncementListQuery["state"], now: Date): SQL | undefined {
  switch (state) {
    case "scheduled":
      return and(isNull(announcements.publishedAt), isNull(announcements.unpublishedAt));
    case "live":
      return and(live, notExpired(now));
    case "ended":
      return or(isNotNull(announcements.unpublishedAt), and(isNotNull(announcements.publishedAt), lte(announcements.expiresAt, now)));
    default:
      return undefined;
  }
}

/** Every announcement, scheduled ones included, newest first (admins only). */
export async function listAnnouncementsForAdmin(db: Executor, actor: Actor, query: AdminAnnouncementListQuery, now: Date = new Date()): Promise<Page<AdminAnnouncementRow>> {
  if (!can(actor, "announcements:write")) throw new AppError("forbidden", "Only admins can manage announcements");
  const where = and(adminStateFilter(query.state, now), searchOf(query.q));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ announcement: announcements, authorName: profiles.fullName })
      .from(announcements)
      .leftJoin(profiles, eq(profiles.userId, announcements.createdBy))
      .where(where)
      .orderBy(desc(announcements.createdAt), desc(announcements.id))
      .limit(ANNOUNCEMENTS_PAGE_SIZE)
      .offset((query.page - 1) * ANNOUNCEMENTS_PAGE_SIZE),
    db.select({ total: count() }).from(announcements).where(where),
  ]);
  return {
    rows: rows.map(({ announcement: a, authorName }) => ({
      id: a.id,
      title: a.title,
      audience: a.audience,
      severity: a.severity,
      pinned: a.pinned,
      state: stateOf(a, now),
      publishAt: (a.publishedAt ?? a.publishAt).toISOString(),
      expiresAt: a.expiresAt?.toISOString() ?? null,
      editedAt: a.editedAt?.toISOString() ?? null,
      authorName,
    })),
    total: counted?.total ?? 0,
    page: query.page,
    pageSize: ANNOUNCEMENTS_PAGE_SIZE,
  };
}

export type AnnouncementForEdit = { announcement: Announcement; recipients: { name: string; publicId: string }[]; state: AdminAnnouncementState; preview: string };

/** One announcement for its edit page (admins only), or null. */
export async function getAnnouncementForAdmin(db: Executor, actor: Actor, id: string, now: Date = new Date()): Promise<AnnouncementForEdit | null> {
  if (!can(actor, "announcements:write")) throw new AppError("forbidden", "Only admins can manage announcements");
  const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
  if (!row) return null;
  const recipients = await db
    .select({ name: profiles.fullName, publicId: profiles.publicId })
    .from(announcementRecipients)
    .innerJoin(profiles, eq(profiles.userId, announcementRecipients.userId))
    .where(eq(announcementRecipients.announcementId, id))
    .orderBy(profiles.fullName)
    .limit(500);
  return { announcement: row, recipients, state: stateOf(row, now), preview: renderAnnouncementMarkdown(row.bodyMarkdown) };
}
