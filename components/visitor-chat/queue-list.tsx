"use client";

import { useQuery } from "@tanstack/react-query";
import { Globe, Inbox, MailQuestion, SearchX } from "lucide-react";
import Link from "next/link";
import { useNow } from "@/components/messages/use-now";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { VisitorQueuePage } from "@/lib/visitor-chat/queue-queries";
import type { QueueView } from "@/lib/visitor-chat/staff-schemas";
import type { VisitorQueueItem } from "@/lib/visitor-chat/types";
import { queueHref } from "./queue-toolbar";
import { VerifiedMark, VisitorStatusBadge } from "./status-badge";
import { visitorApi, visitorKeys } from "./visitor-api";
import { formatWaiting, shortPage } from "./waiting-time";

type Props = { basePath: string; view: QueueView; q: string; cursor: string | null; initial: VisitorQueuePage };

const emptyText: Record<QueueView, [string, string]> = {
  live: ["Nobody is waiting", "New visitors from the chat widget show up here the moment they write."],
  waiting: ["Nobody is waiting", "Everyone who wrote has been taken by someone. New visitors show up here the moment they write."],
  offline: ["No offline leads", "Questions left while nobody was online (or outside hours) wait here with an email to answer."],
  closed: ["No ended conversations yet", "Closed and converted conversations are kept here."],
};

/** One tab of the console, kept live: every queue event refetches it (LiveVisitorQueue). */
export function QueueList({ basePath, view, q, cursor, initial }: Props) {
  const { state } = useRealtime();
  const { data } = useQuery({
    queryKey: visitorKeys.queue(view, q, cursor),
    queryFn: async () => {
      const result = await visitorApi.queue({ view, q, cursor });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    // Events drive it while connected; polling covers the gaps.
    refetchInterval: state === "connected" ? 60_000 : 10_000,
  });
  const now = useNow(15_000);
  const page = data ?? initial;
  const [emptyTitle, emptyBody] = q ? ["No visitors match", `Nothing matches “${q}”. Try a name or an email.`] : cursor ? ["Nothing more", "You have reached the end of the list."] : emptyText[view];
  return (
    <>
      {page.items.length === 0 ? (
        <EmptyState icon={q ? <SearchX /> : view === "offline" ? <MailQuestion /> : <Inbox />} title={emptyTitle}>
          {emptyBody}
        </EmptyState>
      ) : (
        <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label={view === "live" ? "Waiting and active visitors" : view === "waiting" ? "Waiting visitors" : view === "offline" ? "Offline leads" : "Ended conversations"} data-testid="visitor-queue">
          {page.items.map((item) => (
            <QueueRow key={item.id} item={item} href={`${basePath}/${item.id}`} now={now} ended={view === "closed"} />
          ))}
        </ul>
      )}
      {cursor || page.nextCursor ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {cursor ? (
            <Link href={queueHref(basePath, view, q)} className={buttonClass("ghost")}>
              Back to the start
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={queueHref(basePath, view, q, page.nextCursor)} className={buttonClass("outline")}>
              Load more
            </Link>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function QueueRow({ item, href, now, ended }: { item: VisitorQueueItem; href: string; now: Date; ended: boolean }) {
  const unread = item.unread > 0;
  const page = shortPage(item.pageUrl);
  return (
    <li data-testid="visitor-row" data-status={item.status} data-unread={unread ? "true" : "false"}>
      <Link
        href={href}
        className={cn("flex gap-3 px-4 py-3 outline-none hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset", unread && "bg-amber-50/50")}
      >
        <span aria-hidden="true" className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700">
          {item.name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <span className="grid min-w-0 flex-1 gap-0.5">
          <span className="flex items-center gap-2">
            <span className={cn("min-w-0 truncate text-sm", unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>
              {unread ? <span className="sr-only">Unread: </span> : null}
              {item.name}
            </span>
            {item.verified ? <VerifiedMark /> : null}
            <span className="ml-auto flex shrink-0 items-center gap-2">
              <VisitorStatusBadge status={item.status} />
              <time dateTime={item.createdAt} className={cn("text-xs tabular-nums", !ended && item.status === "open" ? "font-semibold text-amber-800" : "text-slate-500")} data-testid="waiting-time">
                {ended ? new Date(item.createdAt).toLocaleDateString() : formatWaiting(item.createdAt, now)}
              </time>
            </span>
          </span>
          <span className="flex min-w-0 items-center gap-2 text-xs text-slate-500">
            {item.email ? <span className="min-w-0 truncate">{item.email}</span> : null}
            {page ? (
              <span className="flex min-w-0 items-center gap-1 truncate">
                <Globe aria-hidden="true" className="size-3 shrink-0" />
                <span className="sr-only">on </span>
                <span className="truncate">{page}</span>
              </span>
            ) : null}
            {item.claimedBy ? <span className="shrink-0 rounded bg-slate-100 px-1.5 py-px font-medium text-slate-600">with {item.claimedBy.name}</span> : null}
          </span>
          <span className="flex min-w-0 items-center gap-2">
            <span className={cn("min-w-0 flex-1 truncate text-sm", unread ? "text-slate-900" : "text-slate-600")}>{item.firstMessage ?? <span className="italic text-slate-500">No message yet</span>}</span>
            {unread ? (
              <span data-testid="visitor-unread" className="min-w-5 shrink-0 rounded-full bg-amber-500 px-1.5 text-center text-xs leading-5 font-semibold text-slate-950">
                {item.unread > 99 ? "99+" : item.unread}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
