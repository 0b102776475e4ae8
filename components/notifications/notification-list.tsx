import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Notification } from "@/db/schema";
import { safeNextPath } from "@/lib/auth/roles";
import { MarkReadButton } from "./mark-read-buttons";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

// Relative for the last week ("3 hours ago"), a date after that; the exact time is in the title.
function whenText(at: Date, now: Date, timeZone: string): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) >= 7 * 86_400) return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(at);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

type Props = { items: Notification[]; now: Date; timeZone: string };

export function NotificationList({ items, now, timeZone }: Props) {
  const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone });
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label="Notifications">
      {items.map((item) => {
        const unread = item.readAt === null;
        // Only same-site paths become links, whatever a notification was created with.
        const href = safeNextPath(item.link);
        return (
          <li key={item.id} data-testid="notification" data-unread={unread ? "true" : "false"} className={cn("flex flex-col gap-3 p-4 sm:flex-row sm:items-start", unread && "border-l-4 border-brand-600 bg-brand-50")}>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className={cn("text-sm text-slate-900", unread ? "font-semibold" : "font-medium")}>
                  {href ? (
                    <Link href={href} className="underline-offset-2 hover:underline">
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )}
                </h2>
                {unread ? <Badge tone="blue">Unread</Badge> : null}
              </div>
              {item.body ? <p className="mt-1 text-sm break-words text-slate-700">{item.body}</p> : null}
              <time dateTime={item.createdAt.toISOString()} title={exact.format(item.createdAt)} className="mt-1 block text-xs text-slate-500">
                {whenText(item.createdAt, now, timeZone)}
              </time>
            </div>
            {unread ? <MarkReadButton id={item.id} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
