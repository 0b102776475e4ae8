"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useChannelEvent } from "@/components/realtime/use-channel-event";
import { channels, events } from "@/lib/realtime/channels";

const SEND_EVERY_MS = 3_000;
const SHOW_FOR_MS = 5_000;

/**
 * Typing both ways on the conversation's private channel (client events, never stored): the
 * visitor's shows here, ours goes to the widget as `{ side: "staff", name }`.
 */
export function useVisitorTyping(sessionId: string, name: string) {
  const { pusher, state } = useRealtime();
  const channelName = channels.visitorSession(sessionId);
  const [visitorUntil, setVisitorUntil] = useState(0);
  const lastSent = useRef(0);

  useChannelEvent<{ side?: unknown }>(channelName, events.typing, (data) => {
    if (data?.side === "visitor") setVisitorUntil(Date.now() + SHOW_FOR_MS);
  });

  useEffect(() => {
    if (!visitorUntil) return;
    const timer = setTimeout(() => setVisitorUntil(0), Math.max(50, visitorUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [visitorUntil]);

  /** Called on each keystroke; sends at most once every few seconds. */
  const typing = useCallback(() => {
    if (!pusher || state !== "connected") return;
    const now = Date.now();
    if (now - lastSent.current < SEND_EVERY_MS) return;
    const channel = pusher.channel(channelName);
    if (channel?.subscribed && channel.trigger(events.typing, { side: "staff", name })) lastSent.current = now;
  }, [pusher, state, channelName, name]);

  const stopped = useCallback(() => {
    lastSent.current = 0;
  }, []);
  /** Their message arrived: they have stopped typing it. */
  const clear = useCallback(() => setVisitorUntil(0), []);

  return { visitorTyping: visitorUntil > 0, typing, stopped, clear };
}
