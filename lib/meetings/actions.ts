import type { Meeting, MeetingParticipant } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { meetingRules } from "./config";
import { insideStudentWindow, roomWindow } from "./policy";
import type { MeetingActions } from "./types";

type Participation = { meeting: Meeting; self: Pick<MeetingParticipant, "role" | "response"> };

/**
 * What the reader may do now, from the rules the write services enforce (each service checks
 * again): answers and proposals before the start, changes before the start and, for a student,
 * not inside the change window; joining while the room is open for someone who has not declined.
 */
export function meetingActions(actor: Actor, { meeting, self }: Participation, now: Date): MeetingActions {
  const upcoming = meeting.status === "scheduled" && now < meeting.startsAt;
  const invitee = self.role === "invitee";
  const proposalPending = meeting.proposedStartsAt !== null;
  const staff = can(actor, "meetings:override-windows");
  const locked = actor.role === "student" && upcoming && insideStudentWindow(meeting, now, meetingRules().studentChangeWindowMs);
  const hours = Math.round(meetingRules().studentChangeWindowMs / 3_600_000);
  return {
    // The organizer answers again only after the invitee moved the meeting (their response went back to invited).
    accept: upcoming && (invitee ? self.response !== "accepted" : self.response === "invited"),
    decline: upcoming && invitee && self.response !== "declined",
    propose: upcoming && invitee && !proposalPending && !locked,
    answerProposal: upcoming && !invitee && proposalPending,
    reschedule: upcoming && !locked,
    cancel: upcoming && !locked,
    overrideAvailable: staff && upcoming && (insideStudentWindow(meeting, now, meetingRules().studentChangeWindowMs) || meeting.startsAt.getTime() - now.getTime() < meetingRules().minNoticeMs),
    lockedReason: locked ? `Less than ${hours} hours before the start you can no longer cancel or reschedule. Message the other person instead.` : null,
    join: self.response !== "declined" && roomWindow(meeting, now).open,
  };
}
