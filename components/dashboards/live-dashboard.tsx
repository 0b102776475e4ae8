"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useChannelEvent } from "@/components/realtime/use-channel-event";

export type DashboardTrigger = { channel: string; event: string };

const DEBOUNCE_MS = 300;

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
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, DEBOUNCE_MS);
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
