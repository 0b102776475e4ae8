"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchNotificationSummary, notificationSummaryKey } from "@/components/portal/notification-bell";
import { useSummarySeed } from "@/components/portal/summary-seed";
import { useRealtime } from "@/components/realtime/realtime-provider";

/** Visitors nobody has taken yet, from the same summary query as the bell and the Messages badge. */
export function useWaitingVisitors(): number | undefined {
  const { state } = useRealtime();
  const seed = useSummarySeed();
  const { data } = useQuery({
    queryKey: notificationSummaryKey,
    queryFn: fetchNotificationSummary,
    initialData: seed,
    refetchInterval: state === "connected" ? 60_000 : 5_000,
  });
  return data?.waitingVisitors;
}
