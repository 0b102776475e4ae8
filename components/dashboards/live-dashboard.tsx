"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useChannelEvent } from "@/components/realtime/use-channel-event";

export type DashboardTrigger = { channel: string; event: string };

const DEBOUNCE_MS = 300;
// Staff dashboards hear every change on the platform: on a busy day a burst a second would reload
// every open dashboard a second, so reloads are at least this far apart (the last event still lands).
const MIN_INTERVAL_MS = 3_000;

function Listener({ channel, event, onEvent }: DashboardTrigger & { onEvent: () => void }) {
  useChannelEvent(channel, event, onEvent);
  return null;
}

/**
 * Refetches the page's server data (router.refresh) when any of `triggers` fires, once per burst:
 * a change that publishes several events (a notification and a dashboard event) costs one reload.
 */
export function LiveDashboard({ triggers }: { triggers: readonly DashboardTrigger[] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefresh = useRef(0);
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.max(DEBOUNCE_MS, lastRefresh.current + MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRefresh.current = Date.now();
      router.refresh();
    }, wait);
  }, [router]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return (
    <>
      {triggers.map((trigger) => (
        <Listener key={`${trigger.channel}|${trigger.event}`} {...trigger} onEvent={refresh} />
      ))}
    </>
  );
}
