"use client";

import { ArrowDown } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { dayLabel, groupByDay } from "./day-groups";
import type { ClientMessage } from "./message-store";

// Within this many pixels of the end counts as "at the bottom": new messages keep it there.
const NEAR_BOTTOM_PX = 120;

type Props = {
  messages: ClientMessage[];
  timeZone: string;
  now: Date;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => void;
  renderMessage: (message: ClientMessage, previous: ClientMessage | undefined) => ReactNode;
  /** Shown under the last message (the typing indicator); its changes keep the bottom in view too. */
  footer: ReactNode;
  footerKey: string;
  viewerId: string;
};

/**
 * The scrolling list: opens at the bottom, keeps its place when older messages are put above,
 * follows new ones only when the reader is already at the bottom, otherwise offers a pill.
 */
export function MessageList({ messages, timeZone, now, hasOlder, loadingOlder, olderError, onLoadOlder, renderMessage, footer, footerKey, viewerId }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const previous = useRef<{ first?: string; last?: string; height: number } | null>(null);
  const [unseenBelow, setUnseenBelow] = useState(false);

  const first = messages[0]?.id;
  const lastMessage = messages.at(-1);
  const last = lastMessage?.id;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    if (!before) {
      el.scrollTop = el.scrollHeight;
    } else if (first !== before.first && last === before.last) {
      // Older messages went above: hold the reader's place by the height they added.
      el.scrollTop += el.scrollHeight - before.height;
    } else if (last !== before.last) {
      // One's own send always shows; someone else's only pulls the view down from the bottom.
      if (nearBottom.current || lastMessage?.author.id === viewerId) el.scrollTop = el.scrollHeight;
      else setUnseenBelow(true);
    } else if (nearBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { first, last, height: el.scrollHeight };
  }, [first, last, lastMessage, footerKey, viewerId]);

  // A pane that grows or shrinks (the phone keyboard, a resized window) stays pinned to the end.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (nearBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (nearBottom.current) setUnseenBelow(false);
    if (previous.current) previous.current.height = el.scrollHeight;
  }

  function toBottom() {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: "smooth" });
    setUnseenBelow(false);
  }

  const groups = groupByDay(messages, timeZone);
  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scroller} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain px-3 py-4 sm:px-5" data-testid="message-scroller">
        {hasOlder ? (
          <div className="mb-2 flex flex-col items-center gap-1">
            <Button variant="outline" size="sm" onClick={onLoadOlder} disabled={loadingOlder}>
              {loadingOlder ? "Loading…" : "Load older messages"}
            </Button>
            {olderError ? <p className="text-xs text-red-700">{olderError}</p> : null}
          </div>
        ) : messages.length > 0 ? (
          <p className="mb-2 text-center text-xs text-slate-500">This is the start of the conversation.</p>
        ) : null}
        <div role="log" aria-live="polite" aria-label="Messages" className="flex flex-col">
          {groups.map((group) => (
            <section key={group.key} aria-label={dayLabel(group.key, now, timeZone)}>
              <div className="sticky top-0 z-10 my-3 flex justify-center" aria-hidden="true">
                <span className="rounded-full border bg-white/95 px-3 py-0.5 text-xs font-medium text-slate-600 shadow-xs">{dayLabel(group.key, now, timeZone)}</span>
              </div>
              {group.items.map((message, index) => (
                <div key={message.clientMessageId ? `${message.author.id}:${message.clientMessageId}` : message.id}>{renderMessage(message, index > 0 ? group.items[index - 1] : undefined)}</div>
              ))}
            </section>
          ))}
        </div>
        {footer}
      </div>
      {unseenBelow ? (
        <button
          type="button"
          onClick={toBottom}
          className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-brand-600 px-3.5 py-1.5 text-sm font-medium text-white shadow-lg outline-none hover:bg-brand-700 focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          New messages
          <ArrowDown aria-hidden="true" className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
