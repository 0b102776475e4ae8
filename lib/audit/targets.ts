import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { announcements, assignments, invoices, meetings, profiles } from "@/db/schema";

/** What an audit row names as its target, as the viewer shows it. */
export type AuditTarget = { type: string; id: string | null; label: string; href: string | null };

export const targetTypeLabel: Record<string, string> = {
  assignment: "Assignment",
  invoice: "Invoice",
  user: "User",
  meeting: "Meeting",
  thread: "Thread",
  visitor_session: "Visitor chat",
  visitor_chat_settings: "Chat widget settings",
  announcement: "Announcement",
  webhook_event: "Payment provider event",
  audit_log: "Audit log",
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuid.test(value);

/**
 * Where an admin opens a target in the app, or null when it has no page. A user has no page of
 * their own: the users list searched by their public ID shows them with their actions.
 */
export function auditTargetHref(type: string, id: string | null, publicId?: string | null): string | null {
  if (!id) return type === "visitor_chat_settings" ? "/admin/settings/widget" : null;
  const path = encodeURIComponent(id);
  switch (type) {
    case "assignment":
      return `/admin/assignments/${path}`;
    case "invoice":
      return `/admin/invoices/${path}`;
    case "user":
      return publicId ? `/admin/users?q=${encodeURIComponent(publicId)}` : null;
    case "meeting":
      return `/meetings/${path}`;
    case "thread":
      return `/messages/${path}`;
    case "visitor_session":
      return `/admin/visitors/${path}`;
    case "announcement":
      return `/admin/announcements/${path}`;
    case "visitor_chat_settings":
      return "/admin/settings/widget";
    default:
      return null;
  }
}

type Named = { label: string; publicId?: string };

/**
 * Names for one page's (or one export batch's) targets, read in a few indexed lookups by primary
 * key: an assignment's code, an invoice's number, a person's name and public ID, a meeting's or an
 * announcement's title.
 */
export async function nameTargets(db: Executor, rows: { targetType: string; targetId: string | null }[]): Promise<Map<string, Named>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId && isUuid(r.targetId)).map((r) => r.targetId!))];
  const [assignmentIds, invoiceIds, userIds, meetingIds, announcementIds] = [idsOf("assignment"), idsOf("invoice"), idsOf("user"), idsOf("meeting"), idsOf("announcement")];
  const [assignmentRows, invoiceRows, userRows, meetingRows, announcementRows] = await Promise.all([
    assignmentIds.length ? db.select({ id: assignments.id, code: assignments.code }).from(assignments).where(inArray(assignments.id, assignmentIds)) : [],
    invoiceIds.length ? db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inArray(invoices.id, invoiceIds)) : [],
    userIds.length ? db.select({ id: profiles.userId, name: profiles.fullName, publicId: profiles.publicId }).from(profiles).where(inArray(profiles.userId, userIds)) : [],
    meetingIds.length ? db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(inArray(meetings.id, meetingIds)) : [],
    announcementIds.length ? db.select({ id: announcements.id, title: announcements.title }).from(announcements).where(inArray(announcements.id, announcementIds)) : [],
  ]);
  const names = new Map<string, Named>();
  for (const row of assignmentRows) names.set(`assignment:${row.id}`, { label: row.code });
  for (const row of invoiceRows) names.set(`invoice:${row.id}`, { label: row.number ?? "Draft invoice" });
  for (const row of userRows) names.set(`user:${row.id}`, { label: `${row.name} (${row.publicId})`, publicId: row.publicId });
  for (const row of meetingRows) names.set(`meeting:${row.id}`, { label: row.title });
  for (const row of announcementRows) names.set(`announcement:${row.id}`, { label: row.title });
  return names;
}

/** The target of one row, named when its record was found, by its type and id otherwise. */
export function describeTarget(type: string, id: string | null, names: Map<string, Named>): AuditTarget {
  const named = id ? names.get(`${type}:${id}`) : undefined;
  const typeLabel = targetTypeLabel[type] ?? type;
  const label = named?.label ?? (id ? `${typeLabel} ${id.length > 40 ? `${id.slice(0, 40)}…` : id}` : typeLabel);
  return { type, id, label, href: auditTargetHref(type, id, named?.publicId) };
}
