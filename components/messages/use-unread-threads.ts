"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchNotificationSummary, notificationSummaryKey } from "@/components/portal/notification-bell";
import { useSummarySeed } from "@/components/portal/summary-seed";
import { useRealtime } from "@/components/realtime/realtime-provider";

/**
 * Threads with unread messages, from the same summary query as the bell (one request feeds both).
 * Undefined until the summary has said.
 */
export function useUnreadThreads(): number | undefined {
  const { state } = useRealtime();
  const seed = useSummarySeed();
  const { data, refetch } = useQuery({
    queryKey: notificationSummaryKey,
    queryFn: fetchNotificationSummary,
    initialData: seed,
    refetchInterval: state === "connected" ? 60_000 : 5_000,
  });
  const count = data?.unreadThreads;
  // Outside the shell's seed (none given) the summary may lack the count: ask once for it.
  const asked = useRef(false);
  useEffect(() => {
    if (data && count === undefined && !asked.current) {
      asked.current = true;
      void refetch();
    }
  }, [data, count, refetch]);
  return count;
}
