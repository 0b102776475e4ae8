"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { useChannelEvent } from "@/components/realtime/use-channel-event";
import type { Role } from "@/lib/auth/roles";
import { channels, events } from "@/lib/realtime/channels";

type Change = { id: string; title?: string; change: "published" | "edited" | "unpublished" | "dismissed" };

/**
 * Announcements reach a whole role on its channel (one event for any number of people) and chosen
 * people on their own: the bell is refetched and the page re-rendered, which brings the banner.
 */
export function LiveAnnouncements({ userId, role }: { userId: string; role: Role }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const onChange = (data: Change) => {
    if (data.change === "published" && data.title) toast(data.title, { description: "New announcement" });
    void queryClient.invalidateQueries({ queryKey: [notificationSummaryKey[0]] });
    router.refresh();
  };
  useChannelEvent<Change>(channels.role(role), events.announcementsChanged, onChange);
  useChannelEvent<Change>(channels.user(userId), events.announcementsChanged, onChange);
  return null;
}
