"use client";

import { useRealtime } from "./realtime-provider";

const labels = {
  connected: "Live updates on",
  connecting: "Connecting to live updates…",
  unavailable: "Live updates paused; reconnecting",
  off: "Live updates off; refreshing periodically",
} as const;

/** Quiet on purpose: a small dot, explained on hover and to screen readers. */
export function ConnectionIndicator() {
  const { state } = useRealtime();
  const color = state === "connected" ? "bg-green-500" : state === "off" ? "bg-slate-300" : "bg-amber-500";
  return (
    <span className="inline-flex h-10 w-4 items-center justify-center" title={labels[state]} data-testid="connection-state" data-state={state}>
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${color}`} />
      <span className="sr-only" role="status">{labels[state]}</span>
    </span>
  );
}
