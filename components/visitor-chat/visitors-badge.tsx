"use client";

import { cn } from "@/components/ui/cn";
import { useWaitingVisitors } from "./use-waiting-visitors";

/** The Visitors entry's count of visitors waiting for a CS rep; the count is the link's description. */
export function VisitorsBadge({ compact = false, describedById }: { compact?: boolean; describedById: string }) {
  const count = useWaitingVisitors();
  if (!count) return null;
  return (
    <>
      <span
        aria-hidden="true"
        data-testid="visitors-badge"
        data-count={count}
        className={cn(
          "rounded-full bg-amber-500 text-center font-semibold text-slate-950 tabular-nums",
          compact ? "absolute top-0.5 right-1 min-w-4 px-1 text-[10px] leading-4 ring-2 ring-white" : "ml-auto min-w-5 px-1.5 text-[11px] leading-5",
        )}
      >
        {count > 99 ? "99+" : count}
      </span>
      <span id={describedById} hidden>
        {count === 1 ? "1 visitor waiting" : `${count} visitors waiting`}
      </span>
    </>
  );
}
