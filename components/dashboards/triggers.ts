import { channels, events } from "@/lib/realtime/channels";
import type { DashboardTrigger } from "./live-dashboard";

/** A student's or teacher's counts move with what happens to them: each change notifies them, each message touches a thread. */
export function personalTriggers(userId: string): DashboardTrigger[] {
  return [
    { channel: channels.user(userId), event: events.notificationCreated },
    { channel: channels.user(userId), event: events.threadActivity },
  ];
}

/** Staff counts are the team's: the role's dashboard event, the visitor queue, and their own notifications. */
export function staffTriggers(role: "cs_rep" | "admin", userId: string): DashboardTrigger[] {
  return [
    { channel: channels.role(role), event: events.dashboardChanged },
    { channel: channels.support, event: events.visitorQueueChanged },
    { channel: channels.user(userId), event: events.notificationCreated },
  ];
}
