"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { useToast } from "@/components/ui/toaster";
import { channels, events } from "@/lib/realtime/channels";
import { useChannelEvent } from "./use-channel-event";

/** The user's own channel: new notifications toast and refresh the bell; reads in another tab sync here. */
export function LiveNotifications({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const toast = useToast();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: notificationSummaryKey });
    if (pathname.startsWith("/notifications")) router.refresh();
  };
  useChannelEvent<{ id: string; title: string }>(channels.user(userId), events.notificationCreated, (data) => {
    toast.show(data.title);
    refresh();
  });
  useChannelEvent(channels.user(userId), events.notificationsRead, refresh);
  return null;
}
