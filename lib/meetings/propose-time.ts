import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, type ServiceResult } from "@/lib/errors";
import { taskKeys } from "@/lib/notifications/task-keys";
import { parseInput } from "@/lib/validation";
import { changeMeeting, meetingNotFound, noProposal, refuse, refuseWith, requireChangeable, saveMeeting } from "./meeting-change";
import { checkChangeWindow, checkNewTime, noSuchTime, sameSlot, slotFromForm, syncParticipants } from "./meeting-time";
import { emailMeetingFile, resolveMeetingTasks, ringParticipant } from "./notify-participants";
import { peopleByIds } from "./people";
import { scheduleMeetingReminders, removeMeetingReminders } from "./reminders";
import { answerProposalSchema, meetingIdSchema, proposeTimeSchema } from "./schemas";

/**
 * The invitee proposes another time. It holds no one's time until the organizer accepts it; a
 * student cannot ask to move a meeting inside the window in which they could not move it themselves.
 */
export async function proposeNewTime(db: Database, actor: Actor, meetingId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult> {
  if (!meetingIdSchema.safeParse(meetingId).success) return meetingNotFound();
  const parsed = parseInput(proposeTimeSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const form = parsed.data;
  const slot = slotFromForm(form);
  if (!slot) return noSuchTime();
  const timing = checkNewTime(actor, slot, now, false);
  if (!timing.ok) return timing;

  return changeMeeting(db, actor, meetingId, async (tx, participation) => {
    const { meeting, self, other } = participation;
    requireChangeable(participation, now);
    if (self.role !== "invitee") refuse("forbidden", "Only the invited person can propose another time; you can reschedule instead");
    if (sameSlot(meeting, slot)) refuse("invalid", "That is the meeting's current time", { startLocal: ["That is the meeting's current time"] });
    const people = await peopleByIds(tx, [self.userId, other.userId]);
    checkChangeWindow(actor, participation, people, now, false);

    await saveMeeting(tx, meeting, { proposedStartsAt: slot.startsAt, proposedEndsAt: slot.endsAt, proposedBy: actor.id, proposalNote: form.note });
    const replaced = await resolveMeetingTasks(tx, meeting.id, { proposal: true });
    const notifications = await ringParticipant(tx, meeting.id, other.userId, {
      type: "meeting.proposed",
      title: `${actor.name} proposed another time for “${meeting.title}”`,
      body: form.note ?? "Accept or decline it on the meeting's page.",
      startsAt: slot.startsAt,
      taskKey: taskKeys.answerMeetingProposal(meeting.id),
    });
    return { data: undefined, notifications: [...replaced, ...notifications] };
  });
}

/**
 * The organizer accepts the proposal (the meeting moves there, the invitee has accepted it, and
 * calendars get the new time) or declines it (the meeting stays as it was).
 */
export async function answerProposal(db: Database, actor: Actor, meetingId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult> {
  if (!meetingIdSchema.safeParse(meetingId).success) return meetingNotFound();
  const parsed = parseInput(answerProposalSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const accepting = parsed.data.answer === "accept";

  return changeMeeting(db, actor, meetingId, async (tx, participation) => {
    const { meeting, self, other } = participation;
    requireChangeable(participation, now);
    if (self.role !== "organizer") refuse("forbidden", "Only the organizer answers a proposed time");
    if (!meeting.proposedStartsAt || !meeting.proposedEndsAt) refuse("conflict", "There is no proposed time to answer");
    const slot = { startsAt: meeting.proposedStartsAt, endsAt: meeting.proposedEndsAt };

    if (!accepting) {
      await saveMeeting(tx, meeting, noProposal);
      const resolved = await resolveMeetingTasks(tx, meeting.id, { proposal: true });
      const notifications = await ringParticipant(tx, meeting.id, other.userId, { type: "meeting.proposal_declined", title: `${actor.name} kept the original time for “${meeting.title}”`, startsAt: meeting.startsAt });
      return { data: undefined, notifications: [...resolved, ...notifications] };
    }

    // Time has passed since it was proposed: the new time must still leave the notice.
    const timing = checkNewTime(actor, slot, now, false);
    if (!timing.ok) refuseWith(timing);
    const people = await peopleByIds(tx, [self.userId, other.userId]);
    checkChangeWindow(actor, participation, people, now, false);

    const saved = await saveMeeting(tx, meeting, { ...slot, ...noProposal, sequence: meeting.sequence + 1 });
    const answers = [
      { userId: self.userId, role: self.role, response: "accepted" as const, responseNote: self.responseNote, respondedAt: self.respondedAt ?? now },
      { userId: other.userId, role: other.role, response: "accepted" as const, responseNote: null, respondedAt: now },
    ];
    await syncParticipants(tx, actor, saved, answers, people);
    await removeMeetingReminders(tx, meeting.id);
    await scheduleMeetingReminders(tx, saved, now);
    await recordAudit(tx, actor, {
      action: "meeting.rescheduled",
      targetType: "meeting",
      targetId: meeting.id,
      metadata: { from: meeting.startsAt.toISOString(), to: saved.startsAt.toISOString(), endsAt: saved.endsAt.toISOString(), via: "accepted_proposal", sequence: saved.sequence },
    });

    const title = `${actor.name} accepted your proposed time for “${meeting.title}”`;
    const resolved = await resolveMeetingTasks(tx, meeting.id, { answers: [self.userId, other.userId], proposal: true });
    const notifications = await ringParticipant(tx, meeting.id, other.userId, { type: "meeting.proposal_accepted", title, startsAt: saved.startsAt });
    await emailMeetingFile(tx, { meeting: saved, participants: answers, people, recipientId: other.userId, title, lead: "The meeting moved to the time you proposed.", method: "REQUEST" });
    return { data: undefined, notifications: [...resolved, ...notifications] };
  });
}
