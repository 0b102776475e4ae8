"use client";

import { useQueryClient } from "@tanstack/react-query";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { useChannelEvent } from "@/components/realtime/use-channel-event";
import { channels, events } from "@/lib/realtime/channels";
import { visitorKeys } from "./visitor-api";

/**
 * Staff only, mounted once in the shell: any change to the visitor queue (a new visitor, a claim,
 * a message) refreshes the Visitors badge and every visitor list or conversation on screen.
 */
export function LiveVisitorQueue() {
  const queryClient = useQueryClient();
  useChannelEvent<{ sessionId?: string }>(channels.support, events.visitorQueueChanged, () => {
    void queryClient.invalidateQueries({ queryKey: notificationSummaryKey });
    void queryClient.invalidateQueries({ queryKey: [...visitorKeys.all, "queue"] });
  });
  return null;
}
