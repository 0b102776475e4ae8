import { ClipboardList, LifeBuoy, MessagesSquare, Paperclip } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { InboxItem, ThreadKind } from "@/lib/messaging/types";
import { formatDateTimeLong } from "@/lib/time/format";
import { formatInboxTime } from "./day-groups";
import { threadTitle } from "./labels";

const kindIcon: Record<ThreadKind, typeof LifeBuoy> = { support: LifeBuoy, assignment: ClipboardList, direct: MessagesSquare };
const kindTint: Record<ThreadKind, string> = { support: "bg-green-50 text-green-700", assignment: "bg-brand-50 text-brand-700", direct: "bg-slate-100 text-slate-600" };

function Preview({ item }: { item: InboxItem }) {
  const last = item.lastMessage;
  if (!last) return <span className="text-slate-500 italic">No messages yet</span>;
  const who = last.authorIsViewer ? "You" : last.authorName.split(" ")[0];
  return (
    <>
      <span className="font-medium text-slate-700">{who}: </span>
      {last.deleted ? (
        <span className="italic">Message deleted</span>
      ) : (
        <>
          {last.attachmentCount > 0 ? (
            <span className="mr-1 inline-flex items-center gap-0.5 align-[-2px]">
              <Paperclip aria-hidden="true" className="size-3.5" />
              <span className="sr-only">{last.attachmentCount === 1 ? "1 file" : `${last.attachmentCount} files`}</span>
            </span>
          ) : null}
          {last.preview || (last.attachmentCount === 1 ? "Sent a file" : `Sent ${last.attachmentCount} files`)}
        </>
      )}
    </>
  );
}

/** The inbox: one row per thread, newest activity first; unread rows are bold with their count. */
export function InboxList({ items, now, timeZone }: { items: InboxItem[]; now: Date; timeZone: string }) {
  return (
    <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label="Conversations">
      {items.map((item) => {
        const Icon = kindIcon[item.kind];
        const unread = item.unreadCount > 0;
        const at = new Date(item.lastMessage?.at ?? item.activityAt);
        const others = item.others.map((p) => p.name).join(", ") || "Only you";
        return (
          <li key={item.id} data-testid="inbox-row" data-unread={unread ? "true" : "false"}>
            <Link
              href={`/messages/${item.id}`}
              className={cn("flex gap-3 px-4 py-3 outline-none hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset", unread && "bg-brand-50/40")}
            >
              <span aria-hidden="true" className={cn("mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full", kindTint[item.kind])}>
                <Icon className="size-4" />
              </span>
              <span className="grid min-w-0 flex-1 gap-0.5">
                <span className="flex items-baseline gap-2">
                  <span className={cn("min-w-0 flex-1 truncate text-sm", unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>
                    {unread ? <span className="sr-only">Unread: </span> : null}
                    {threadTitle(item, item.others)}
                  </span>
                  <time dateTime={at.toISOString()} title={formatDateTimeLong(at, timeZone)} className={cn("shrink-0 text-xs", unread ? "font-semibold text-brand-700" : "text-slate-500")}>
                    {formatInboxTime(at, now, timeZone)}
                  </time>
                </span>
                <span className="flex min-w-0 items-center gap-2 text-xs text-slate-500">
                  <span className="min-w-0 truncate">{others}</span>
                  {item.assignment && !item.subject.includes(item.assignment.code) ? <span className="shrink-0 rounded bg-slate-100 px-1.5 py-px font-medium text-slate-600">{item.assignment.code}</span> : null}
                </span>
                <span className="flex min-w-0 items-center gap-2">
                  <span className={cn("min-w-0 flex-1 truncate text-sm", unread ? "text-slate-900" : "text-slate-600")}>
                    <Preview item={item} />
                  </span>
                  {unread ? (
                    <span data-testid="unread-count" className="min-w-5 shrink-0 rounded-full bg-brand-600 px-1.5 text-center text-xs leading-5 font-semibold text-white">
                      {item.unreadCount > 99 ? "99+" : item.unreadCount}
                      <span className="sr-only"> unread</span>
                    </span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
