"use client";

import { cn } from "@/components/ui/cn";
import { useUnreadThreads } from "./use-unread-threads";

/**
 * The Messages entry's count of threads with unread messages; a dot-sized count when the sidebar
 * is icons only. The link keeps its name ("Messages"); the count is its description (`describedById`).
 */
export function MessagesBadge({ compact = false, describedById }: { compact?: boolean; describedById: string }) {
  const count = useUnreadThreads();
  if (!count) return null;
  return (
    <>
      <span
        aria-hidden="true"
        data-testid="messages-badge"
        data-count={count}
        className={cn(
          "rounded-full bg-brand-600 text-center font-semibold text-white tabular-nums",
          compact ? "absolute top-0.5 right-1 min-w-4 px-1 text-[10px] leading-4 ring-2 ring-white" : "ml-auto min-w-5 px-1.5 text-[11px] leading-5",
        )}
      >
        {count > 99 ? "99+" : count}
      </span>
      <span id={describedById} hidden>
        {count === 1 ? "1 conversation with unread messages" : `${count} conversations with unread messages`}
      </span>
    </>
  );
}
