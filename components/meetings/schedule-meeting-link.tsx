import { CalendarPlus } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** From an assignment to the meeting form, with the assignment linked and (when known) the other person chosen. */
export function ScheduleMeetingLink({ assignmentId, inviteeId }: { assignmentId: string; inviteeId?: string }) {
  const params = new URLSearchParams({ assignment: assignmentId });
  if (inviteeId) params.set("invitee", inviteeId);
  return (
    <Link href={`/meetings/new?${params}`} className={buttonClass("outline", undefined, "sm")} data-testid="schedule-meeting">
      <CalendarPlus aria-hidden="true" />
      Schedule a meeting
    </Link>
  );
}
