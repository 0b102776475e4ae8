"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { useState } from "react";
import { NotificationMenuContent } from "@/components/notifications/notification-menu-content";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useSummarySeed } from "./summary-seed";

export const notificationSummaryKey = ["notifications", "summary"] as const;

/** Unread notifications, and threads with unread messages (the Messages badge reads the same query). */
export type NotificationSummary = { unread: number; unreadThreads?: number; waitingVisitors?: number };

export async function fetchNotificationSummary(): Promise<NotificationSummary> {
  const response = await fetch("/api/notifications/summary", { cache: "no-store" });
  if (!response.ok) throw new Error(`summary ${response.status}`);
  return response.json();
}

/** The unread count on a bell that opens the latest notifications (the list is the notifications module's). */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { state } = useRealtime();
  const seed = useSummarySeed();
  const [open, setOpen] = useState(false);
  // Events drive the count while connected; polling covers the gaps when they cannot.
  const { data } = useQuery({
    queryKey: notificationSummaryKey,
    queryFn: fetchNotificationSummary,
    initialData: seed ?? { unread: initialUnread },
    refetchInterval: state === "connected" ? 60_000 : 5_000,
  });
  const unread = data.unread;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <button
          type="button"
          data-testid="notification-bell"
          aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
          className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-full text-slate-700 outline-none hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=open]:bg-slate-100"
        >
          <Bell aria-hidden="true" className="size-5" />
          {unread > 0 ? (
            <span
              data-testid="notification-count"
              aria-hidden="true"
              className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white ring-2 ring-white"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </button>
      </PopoverTrigger>
      <PopoverContent aria-label="Notifications" align="end" sideOffset={8} collisionPadding={8} className="w-[min(24rem,calc(100vw-1rem))] p-0">
        <NotificationMenuContent onNavigate={() => setOpen(false)} />
      </PopoverContent>
    </Popover>
  );
}
