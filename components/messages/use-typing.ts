"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { channels, events } from "@/lib/realtime/channels";

const SEND_EVERY_MS = 3_000;
const SHOW_FOR_MS = 5_000;

type Typist = { name: string; until: number };

/**
 * "Mei is typing…" over the thread's presence channel: client events go socket to socket, never
 * stored. Joined only while the thread is open; our own events never come back to us.
 */
export function useTyping(threadId: string, viewer: { id: string; name: string }) {
  const { pusher, state } = useRealtime();
  const channelName = channels.threadPresence(threadId);
  const [typists, setTypists] = useState<Record<string, Typist>>({});
  const lastSent = useRef(0);

  useEffect(() => {
    if (!pusher) return;
    // subscribe() reinstates a pending subscription a quick remount cancelled (see useChannelEvent).
    const channel = pusher.subscribe(channelName);
    const onTyping = (data: { name?: unknown }, metadata?: { user_id?: string }) => {
      const id = metadata?.user_id ?? String(data?.name ?? "");
      if (!id || id === viewer.id || typeof data?.name !== "string") return;
      const name = data.name.slice(0, 80);
      setTypists((prev) => ({ ...prev, [id]: { name, until: Date.now() + SHOW_FOR_MS } }));
    };
    channel.bind(events.typing, onTyping);
    return () => {
      channel.unbind(events.typing, onTyping);
      pusher.unsubscribe(channelName);
    };
  }, [pusher, channelName, viewer.id]);

  // Expire quietly: one timer for the soonest expiry.
  useEffect(() => {
    const times = Object.values(typists).map((t) => t.until);
    if (times.length === 0) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      setTypists((prev) => Object.fromEntries(Object.entries(prev).filter(([, t]) => t.until > now)));
    }, Math.max(50, Math.min(...times) - Date.now()));
    return () => clearTimeout(timer);
  }, [typists]);

  /** Called on each keystroke; sends at most once every few seconds. */
  const typing = useCallback(() => {
    if (!pusher || state !== "connected") return;
    const now = Date.now();
    if (now - lastSent.current < SEND_EVERY_MS) return;
    const channel = pusher.channel(channelName);
    // trigger() answers false until the subscription has succeeded; try again on the next key.
    if (channel?.subscribed && channel.trigger(events.typing, { name: viewer.name })) lastSent.current = now;
  }, [pusher, state, channelName, viewer.name]);

  /** A sent message ends the typing, so the next keystroke announces again at once. */
  const stopped = useCallback(() => {
    lastSent.current = 0;
  }, []);

  /** Their message arrived: they have stopped typing it. */
  const clear = useCallback((userId: string) => setTypists((prev) => (userId in prev ? Object.fromEntries(Object.entries(prev).filter(([id]) => id !== userId)) : prev)), []);

  return { typing, stopped, clear, names: Object.values(typists).map((t) => t.name) };
}

/** "Mei is typing…", "Mei and Sam are typing…", "3 people are typing…". */
export function typingText(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
