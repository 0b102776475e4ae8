import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit } from "@/lib/realtime/publish";

/** Which staff counts moved; listeners refetch the whole dashboard either way. */
export type DashboardArea = "assignments" | "invoices" | "payments";

/**
 * Tells every open CS rep and admin dashboard to refetch, after the change has committed. One event
 * per role channel, whatever the audience size; it carries no data, so nothing leaks to a role
 * that may not see the row (the refetch is authorized like any page load).
 */
export function publishDashboardChange(area: DashboardArea): Promise<void> {
  return publishAfterCommit([
    { channel: channels.role("cs_rep"), name: events.dashboardChanged, data: { area } },
    { channel: channels.role("admin"), name: events.dashboardChanged, data: { area } },
  ]);
}
