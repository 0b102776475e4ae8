"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Pusher from "pusher-js";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { pusherClientOptions } from "@/lib/realtime/client-options";
import type { RealtimeClientConfig } from "@/lib/realtime/config";

export type ConnectionState = "connecting" | "connected" | "unavailable" | "off";

type RealtimeContextValue = { pusher: Pusher | null; state: ConnectionState };

const RealtimeContext = createContext<RealtimeContextValue>({ pusher: null, state: "off" });

export function useRealtime(): RealtimeContextValue {
  return useContext(RealtimeContext);
}

// One connection per tab, shared by every component that listens.
let shared: { key: string; pusher: Pusher } | undefined;

function connect(config: RealtimeClientConfig): Pusher {
  const key = JSON.stringify(config);
  if (shared?.key === key) return shared.pusher;
  shared?.pusher.disconnect();
  const pusher = new Pusher(config.key, pusherClientOptions(config, { endpoint: "/api/pusher/auth" }));
  shared = { key, pusher };
  return pusher;
}

/**
 * Keeps the tab's connection and, whenever it comes back after a drop, refetches everything:
 * Pusher keeps no history, so whatever was published meanwhile is read from the database.
 */
export function RealtimeProvider({ config, children }: { config: RealtimeClientConfig | null; children: ReactNode }) {
  const [value, setValue] = useState<RealtimeContextValue>({ pusher: null, state: config ? "connecting" : "off" });
  const queryClient = useQueryClient();
  const router = useRouter();
  const wasConnected = useRef(false);

  useEffect(() => {
    if (!config) return;
    const pusher = connect(config);
    const onChange = ({ current }: { current: string }) => {
      const state: ConnectionState = current === "connected" ? "connected" : current === "connecting" || current === "initialized" ? "connecting" : "unavailable";
      if (state === "connected" && wasConnected.current) {
        void queryClient.invalidateQueries();
        router.refresh();
      }
      if (state === "connected") wasConnected.current = true;
      setValue({ pusher, state });
    };
    pusher.connection.bind("state_change", onChange);
    onChange({ current: pusher.connection.state });
    return () => {
      pusher.connection.unbind("state_change", onChange);
    };
  }, [config, queryClient, router]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
