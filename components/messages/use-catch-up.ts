"use client";

import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { MESSAGE_PAGE_SIZE } from "@/lib/messaging/types";
import { lastSeqOf, type MessageAction, type MessageState } from "./message-store";
import { threadApi } from "./thread-api";

const POLL_MS = 5_000;
// A catch-up pages through at most this many pages at once; the next trigger goes on from there.
const MAX_CATCH_UP_PAGES = 20;

/**
 * Nothing lost: asks for what came after the last seq held on (re)connect, when the tab wakes,
 * and every few seconds while live updates are down. `visibleTick` changes each time the tab
 * becomes visible again, for work that waits for the reader (marking read).
 */
export function useCatchUp(threadId: string, latest: RefObject<MessageState>, dispatch: Dispatch<MessageAction>) {
  const { state: connection } = useRealtime();
  const [visibleTick, setVisibleTick] = useState(0);
  const running = useRef(false);
  const queuedFrom = useRef<number | null>(null);
  /** Fetches everything after `from` (default: the last seq held), one run at a time; requests during a run are queued. */
  const catchUp = useCallback(
    async (from?: number) => {
      const start = from ?? lastSeqOf(latest.current);
      if (running.current) {
        queuedFrom.current = Math.min(queuedFrom.current ?? start, start);
        return;
      }
      running.current = true;
      try {
        let after: number | null = start;
        while (after !== null) {
          for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
            const result = await threadApi.messages(threadId, { after, limit: MESSAGE_PAGE_SIZE });
            if (!result.ok) return;
            dispatch({ type: "merge", messages: result.data.messages });
            const newest = result.data.messages.at(-1)?.seq;
            if (!result.data.hasNewer || newest === undefined) break;
            after = newest;
          }
          after = queuedFrom.current;
          queuedFrom.current = null;
        }
      } finally {
        running.current = false;
      }
    },
    [threadId, latest, dispatch],
  );

  // Whatever was published while we were not listening: on (re)connect, on waking, and by polling while not live.
  useEffect(() => {
    if (connection === "connected") void catchUp();
  }, [connection, catchUp]);
  useEffect(() => {
    const wake = () => {
      if (document.visibilityState !== "visible") return;
      setVisibleTick((n) => n + 1);
      void catchUp();
    };
    window.addEventListener("focus", wake);
    document.addEventListener("visibilitychange", wake);
    return () => {
      window.removeEventListener("focus", wake);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [catchUp]);
  useEffect(() => {
    if (connection === "connected") return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void catchUp();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [connection, catchUp]);

  return { catchUp, visibleTick };
}
