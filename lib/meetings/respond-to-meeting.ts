import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { fail, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { changeMeeting, meetingNotFound, noProposal, refuse, requireChangeable, saveMeeting } from "./meeting-change";
import { syncParticipants } from "./meeting-time";
import { resolveMeetingTasks, ringParticipant } from "./notify-participants";
import { peopleByIds } from "./people";
import { meetingIdSchema, respondToMeetingSchema } from "./schemas";
import { removeMeetingReminders } from "./reminders";

/**
 * The invitee accepts or declines (with a reason). A 1-on-1 meeting declined does not happen: it
 * frees both people's time and its reminders are dropped. Either answer ends a waiting proposal.
 * After the invitee moved the meeting, the organizer accepts the new time here.
 */
export async function respondToMeeting(db: Database, actor: Actor, meetingId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult> {
  if (!meetingIdSchema.safeParse(meetingId).success) return meetingNotFound();
  const parsed = parseInput(respondToMeetingSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const answer = parsed.data;

  return changeMeeting(db, actor, meetingId, async (tx, participation) => {
    const { meeting, self, other } = participation;
    requireChangeable(participation, now);
    // The organizer answers only a new time the invitee moved the meeting to; to refuse it they cancel.
    if (self.role !== "invitee" && self.response !== "invited") refuse("forbidden", "Only the invited person answers the invitation");
    if (self.role !== "invitee" && answer.answer === "decline") refuse("forbidden", "As the organizer, cancel the meeting (with a reason) instead of declining it");
    if (answer.answer === "accept" && self.response === "accepted") refuse("conflict", "You have already accepted this meeting");

    const accepting = answer.answer === "accept";
    const people = await peopleByIds(tx, [self.userId, other.userId]);
    const saved = await saveMeeting(tx, meeting, { ...noProposal, ...(accepting ? {} : { status: "declined" as const }) });
    const mine = { userId: self.userId, response: accepting ? ("accepted" as const) : ("declined" as const), responseNote: accepting ? null : answer.reason, respondedAt: now };
    await syncParticipants(tx, actor, saved, [mine, other], people);
    if (!accepting) await removeMeetingReminders(tx, meeting.id);
    // A decline calls the meeting off for the other person too, as a cancellation does (audited alike).
    if (answer.answer === "decline") await recordAudit(tx, actor, { action: "meeting.declined", targetType: "meeting", targetId: meeting.id, metadata: { reason: answer.reason, startsAt: meeting.startsAt.toISOString() } });

    // An answer settles this person's invitation and any waiting proposal; a decline ends the meeting.
    const resolved = await resolveMeetingTasks(tx, meeting.id, { answers: accepting ? [self.userId] : [self.userId, other.userId], proposal: true });
    const notifications = await ringParticipant(
      tx,
      meeting.id,
      other.userId,
      accepting
        ? { type: "meeting.accepted", title: `${actor.name} accepted “${meeting.title}”`, startsAt: meeting.startsAt }
        : { type: "meeting.declined", title: `${actor.name} declined “${meeting.title}”`, body: answer.answer === "decline" ? answer.reason : null },
    );
    return { data: undefined, notifications: [...resolved, ...notifications] };
  });
}
