import type { Notification, NotificationData } from "@/db/schema";
import { formatDate, formatDateTime, formatDateTimeLong } from "@/lib/time/format";
import { openHref } from "./links";
import type { NotificationItem } from "./types";

// A calendar day (an invoice's due date) is the same day everywhere: formatted at noon UTC so no zone shifts it.
const day = (isoDay: string) => formatDate(new Date(`${isoDay}T12:00:00Z`), "UTC");

function dueSentence(data: NotificationData | null, timeZone: string): string | undefined {
  if (data?.dueAt) return `Due ${formatDateTime(new Date(data.dueAt), timeZone)}.`;
  if (data?.dueDate) return `Due ${day(data.dueDate)}.`;
  if (data?.startsAt) return `Starts ${formatDateTime(new Date(data.startsAt), timeZone)}.`;
  return undefined;
}

/** The text a reader sees: stored words plus the dates from `data`, in the reader's own zone. */
export function renderNotification(row: Notification, timeZone: string): NotificationItem {
  const body = [dueSentence(row.data, timeZone), row.body].filter(Boolean).join(" ");
  return {
    id: row.id,
    title: row.title,
    body: body || null,
    unread: row.readAt === null,
    resolved: row.resolvedAt !== null,
    href: openHref(row.id),
    createdAt: row.createdAt.toISOString(),
    createdAtLabel: formatDateTimeLong(row.createdAt, timeZone),
  };
}
