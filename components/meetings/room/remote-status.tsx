"use client";

import { Badge } from "@/components/ui/badge";
import type { CallState } from "./call-session";

const phaseText: Record<CallState["phase"], (name: string) => string> = {
  joining: () => "Joining…",
  waiting: (name) => `Waiting for ${name}`,
  connecting: (name) => `Connecting to ${name}…`,
  connected: () => "Connected",
  reconnecting: () => "Reconnecting…",
};

const qualityTone = { Good: "green", Fair: "amber", Poor: "red" } as const;

/** The other side as we see it: connection, their microphone and screen, and a quality hint. */
export function RemoteStatus({ name, call }: { name: string; call: CallState | null }) {
  const remote = call?.remoteMedia;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
      <span className="text-slate-700" data-testid="call-phase">
        {phaseText[call?.phase ?? "joining"](name)}
      </span>
      {call?.phase === "connected" && call.quality ? (
        <Badge tone={qualityTone[call.quality]} title="From round-trip time and packet loss">
          Connection: {call.quality}
        </Badge>
      ) : null}
      {remote?.muted ? <Badge tone="gray">{name} is muted</Badge> : null}
      {remote?.sharing ? <Badge tone="blue">{name} is sharing their screen</Badge> : null}
    </div>
  );
}
