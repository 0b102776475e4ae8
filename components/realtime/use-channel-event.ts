"use client";

import { useEffect, useRef } from "react";
import { useRealtime } from "./realtime-provider";

// Listeners per channel in this tab, so the channel is left when its last listener goes.
const listenerCounts = new Map<string, number>();

/** Calls the handler for each `event` on `channel` while the component is mounted. */
export function useChannelEvent<T = unknown>(channel: string | null, event: string, handler: (data: T) => void): void {
  const { pusher } = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!pusher || !channel) return;
    // subscribe() every time, never channel() ?? subscribe(): a quick unmount and remount (React's
    // development double effects, a fast navigation) leaves a pending subscription marked cancelled,
    // which only subscribe() reinstates; on a live channel it does nothing.
    const subscription = pusher.subscribe(channel);
    const listener = (data: T) => latest.current(data);
    subscription.bind(event, listener);
    listenerCounts.set(channel, (listenerCounts.get(channel) ?? 0) + 1);
    return () => {
      subscription.unbind(event, listener);
      const remaining = (listenerCounts.get(channel) ?? 1) - 1;
      listenerCounts.set(channel, remaining);
      if (remaining === 0) pusher.unsubscribe(channel);
    };
  }, [pusher, channel, event]);
}
