import type { BadgeTone } from "@/components/ui/badge";
import type { MeetingResponse, MeetingStatus } from "@/lib/meetings/types";

export const meetingStatusLabel: Record<MeetingStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
  declined: "Declined",
};

export const meetingStatusTone: Record<MeetingStatus, BadgeTone> = {
  scheduled: "blue",
  completed: "gray",
  cancelled: "red",
  declined: "red",
};

export const responseLabel: Record<MeetingResponse, string> = {
  invited: "Not answered yet",
  accepted: "Accepted",
  declined: "Declined",
};

export const responseTone: Record<MeetingResponse, BadgeTone> = {
  invited: "amber",
  accepted: "green",
  declined: "red",
};

/** The durations the form offers, in minutes (the schema allows 15–180). */
export const meetingDurations = [15, 30, 45, 60, 90, 120, 150, 180] as const;

export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? "1 hour" : `${hours} hours`;
  return rest ? `${h} ${rest} minutes` : h;
}
