"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { ok, type ServiceResult } from "@/lib/errors";
import { regenerateCalendarFeed } from "@/lib/meetings/calendar-feed";
import { cancelMeeting } from "@/lib/meetings/cancel-meeting";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { answerProposal, proposeNewTime } from "@/lib/meetings/propose-time";
import { rescheduleMeeting } from "@/lib/meetings/reschedule-meeting";
import { respondToMeeting } from "@/lib/meetings/respond-to-meeting";

// The services parse every field and check that the actor takes part; the id is read here only to
// pass it on and to refresh the pages that show the meeting.
function meetingIdOf(input: Record<string, string | string[]>): string {
  return typeof input.meetingId === "string" ? input.meetingId : "";
}

function refreshed<T>(meetingId: string) {
  return (result: ServiceResult<T>): ServiceResult<T> => {
    if (result.ok) {
      revalidatePath(`/meetings/${meetingId}`);
      revalidatePath("/meetings");
    }
    return result;
  };
}

export const createMeetingAction = formAction({}, async (actor, input) => {
  const result = await createMeeting(getDb(), actor, input);
  if (result.ok) revalidatePath("/meetings");
  return result;
});

export const respondToMeetingAction = formAction({}, (actor, input) => respondToMeeting(getDb(), actor, meetingIdOf(input), input).then(refreshed(meetingIdOf(input))));

export const proposeNewTimeAction = formAction({}, (actor, input) => proposeNewTime(getDb(), actor, meetingIdOf(input), input).then(refreshed(meetingIdOf(input))));

export const answerProposalAction = formAction({}, (actor, input) => answerProposal(getDb(), actor, meetingIdOf(input), input).then(refreshed(meetingIdOf(input))));

export const rescheduleMeetingAction = formAction({}, (actor, input) => rescheduleMeeting(getDb(), actor, meetingIdOf(input), input).then(refreshed(meetingIdOf(input))));

export const cancelMeetingAction = formAction({}, (actor, input) => cancelMeeting(getDb(), actor, meetingIdOf(input), input).then(refreshed(meetingIdOf(input))));

/** A new secret feed URL, shown once: only its hash is kept, and the old URL stops working. */
export const regenerateCalendarFeedAction = formAction({}, async (actor) => {
  const feed = await regenerateCalendarFeed(getDb(), actor);
  revalidatePath("/profile");
  return ok(feed);
});
