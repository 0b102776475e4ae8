"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRealtime } from "@/components/realtime/realtime-provider";

export const notificationSummaryKey = ["notifications", "summary"] as const;

async function fetchSummary(): Promise<{ unread: number }> {
  const response = await fetch("/api/notifications/summary", { cache: "no-store" });
  if (!response.ok) throw new Error(`summary ${response.status}`);
  return response.json();
}

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { state } = useRealtime();
  // Events drive the count while connected; polling covers the gaps when they cannot.
  const { data } = useQuery({
    queryKey: notificationSummaryKey,
    queryFn: fetchSummary,
    initialData: { unread: initialUnread },
    refetchInterval: state === "connected" ? 60_000 : 5_000,
  });
  const unread = data.unread;
  return (
    <Link href="/notifications" className="relative inline-flex h-10 w-10 items-center justify-center rounded-full hover:bg-slate-100" aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"} data-testid="notification-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? (
        <span data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
