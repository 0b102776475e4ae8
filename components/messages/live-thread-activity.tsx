"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { useChannelEvent } from "@/components/realtime/use-channel-event";
import { channels, events } from "@/lib/realtime/channels";

/** A thread of the user's changed somewhere: the badge recounts, and an open inbox reloads its rows. */
export function LiveThreadActivity({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  useChannelEvent<{ threadId: string }>(channels.user(userId), events.threadActivity, () => {
    void queryClient.invalidateQueries({ queryKey: notificationSummaryKey });
    if (pathname === "/messages") router.refresh();
  });
  return null;
}
