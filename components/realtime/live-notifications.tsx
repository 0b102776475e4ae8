"use client";

import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { toast } from "sonner";
import { channels, events } from "@/lib/realtime/channels";
import { useChannelEvent } from "./use-channel-event";

/** The user's own channel: new notifications toast and refresh the bell; reads in another tab sync here. */
export function LiveNotifications({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const refresh = () => {
    // The whole ["notifications", …] family: the bell's count and the bell menu's list.
    void queryClient.invalidateQueries({ queryKey: [notificationSummaryKey[0]] });
    if (pathname.startsWith("/notifications")) router.refresh();
  };
  useChannelEvent<{ id: string; title: string }>(channels.user(userId), events.notificationCreated, (data) => {
    toast(data.title);
    refresh();
  });
  useChannelEvent(channels.user(userId), events.notificationsRead, refresh);
  return null;
}
