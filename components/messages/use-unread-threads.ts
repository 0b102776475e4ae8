"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchNotificationSummary, notificationSummaryKey } from "@/components/portal/notification-bell";
import { useRealtime } from "@/components/realtime/realtime-provider";

/**
 * Threads with unread messages, from the same summary query as the bell (one request feeds both).
 * Undefined until the summary has said.
 */
export function useUnreadThreads(): number | undefined {
  const { state } = useRealtime();
  const { data, refetch } = useQuery({
    queryKey: notificationSummaryKey,
    queryFn: fetchNotificationSummary,
    refetchInterval: state === "connected" ? 60_000 : 5_000,
  });
  const count = data?.unreadThreads;
  // The bell seeds the query with the shell's notification count only; ask once for the rest.
  const asked = useRef(false);
  useEffect(() => {
    if (data && count === undefined && !asked.current) {
      asked.current = true;
      void refetch();
    }
  }, [data, count, refetch]);
  return count;
}
