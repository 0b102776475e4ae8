import type { NotificationItem } from "@/lib/notifications/types";
import { MarkReadButton } from "./mark-read-buttons";
import { NotificationRow } from "./notification-row";

type Props = { items: NotificationItem[]; now: Date };

/** The full list: each notification opens (and so reads) its page; an unread one can be marked read in place. */
export function NotificationList({ items, now }: Props) {
  return (
    <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label="Notifications">
      {items.map((item) => (
        <li key={item.id} data-testid="notification" data-unread={item.unread ? "true" : "false"} data-resolved={item.resolved ? "true" : "false"} className="flex flex-col sm:flex-row sm:items-stretch">
          <NotificationRow item={item} now={now} />
          {item.unread ? (
            <div className="flex items-center bg-brand-50 px-4 pb-3 pl-9 sm:py-3 sm:pl-2">
              <MarkReadButton id={item.id} title={item.title} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
