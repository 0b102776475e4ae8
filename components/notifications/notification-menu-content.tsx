"use client";

import { useQuery } from "@tanstack/react-query";
import { BellOff } from "lucide-react";
import Link from "next/link";
import { markAllNotificationsReadAction } from "@/app/(portal)/notifications/actions";
import { Skeleton } from "@/components/ui/skeleton";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LatestNotifications } from "@/lib/notifications/types";
import { NotificationRow } from "./notification-row";
import { useReadAction } from "./use-read-action";

/** Under the bell's ["notifications"] family, so the realtime events and mark-read refetch it. */
export const latestNotificationsKey = ["notifications", "latest"] as const;

async function fetchLatest(): Promise<LatestNotifications> {
  const response = await fetch("/api/notifications/latest", { cache: "no-store" });
  if (!response.ok) throw new Error(`latest notifications ${response.status}`);
  return response.json();
}

function MarkAllRead() {
  const [, action] = useReadAction(markAllNotificationsReadAction, (data) => (data?.count === 1 ? "1 notification marked as read" : `${data?.count ?? 0} notifications marked as read`));
  return (
    <form action={action}>
      <SubmitButton variant="ghost" pendingText="Marking…" className="h-8 px-2 text-brand-700">
        Mark all read
      </SubmitButton>
    </form>
  );
}

function Loading() {
  return (
    <ul aria-label="Loading notifications" aria-busy="true" className="divide-y">
      {[0, 1, 2].map((i) => (
        <li key={i} className="space-y-2 px-4 py-3">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-3 w-1/2" />
        </li>
      ))}
    </ul>
  );
}

/**
 * The bell's menu: the newest notifications, "Mark all read" and a way to all of them. Mounted by
 * the bell (components/portal/notification-bell.tsx) inside its popover, so it fetches when opened.
 */
export function NotificationMenuContent({ onNavigate }: { onNavigate?: () => void }) {
  const { data, isPending, isError, refetch } = useQuery({ queryKey: latestNotificationsKey, queryFn: fetchLatest });
  const now = new Date();
  return (
    <div data-testid="notification-menu" className="flex max-h-[min(32rem,80vh)] flex-col">
      <div className="flex items-center justify-between gap-2 border-b px-4 py-2">
        <h2 className="text-sm font-semibold text-foreground">Notifications</h2>
        {data && data.unread > 0 ? <MarkAllRead /> : null}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {isPending ? (
          <Loading />
        ) : isError ? (
          <p className="px-4 py-6 text-center text-sm text-muted-foreground">
            Notifications could not be loaded.{" "}
            <button type="button" className="font-medium text-brand-700 underline underline-offset-2" onClick={() => void refetch()}>
              Try again
            </button>
          </p>
        ) : data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-4 py-8 text-center">
            <BellOff aria-hidden="true" className="size-5 text-muted-foreground" />
            <p className="text-sm font-medium text-foreground">You&apos;re all caught up</p>
            <p className="text-sm text-muted-foreground">New notifications will show up here.</p>
          </div>
        ) : (
          <ul aria-label="Latest notifications" className="divide-y">
            {data.items.map((item) => (
              <li key={item.id}>
                <NotificationRow item={item} now={now} onNavigate={onNavigate} testId="notification-menu-item" compact />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="border-t p-1">
        <Link href="/notifications" onClick={onNavigate} className="block rounded-md px-3 py-2 text-center text-sm font-medium text-brand-700 outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50">
          See all notifications
        </Link>
      </div>
    </div>
  );
}
