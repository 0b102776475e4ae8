"use client";

import { useEffect } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { channels } from "@/lib/realtime/channels";

/**
 * While a visitor console page is open this CS rep is a member of the support presence channel:
 * that is how the widget knows someone is online to answer (lib/visitor-chat/availability.ts).
 */
export function SupportPresence() {
  const { pusher } = useRealtime();
  useEffect(() => {
    if (!pusher) return;
    pusher.subscribe(channels.supportPresence);
    return () => pusher.unsubscribe(channels.supportPresence);
  }, [pusher]);
  return null;
}
