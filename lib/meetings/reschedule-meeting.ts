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
import { removeMeetingReminders, scheduleMeetingReminders } from "./reminders";
import { meetingIdSchema, rescheduleMeetingSchema } from "./schemas";

/**
 * Either participant moves the meeting; the other must accept again. Calendars replace the event
 * (SEQUENCE + 1), the reminders move with it, and a form rendered before another change is refused.
 */
export async function rescheduleMeeting(db: Database, actor: Actor, meetingId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult> {
  if (!meetingIdSchema.safeParse(meetingId).success) return meetingNotFound();
  const parsed = parseInput(rescheduleMeetingSchema, input);
  if (!parsed.ok) return fail("invalid", parsed.fieldErrors.version ? "Reload the page and try again" : "Check the highlighted fields", parsed.fieldErrors);
  const form = parsed.data;
  const slot = slotFromForm(form);
  if (!slot) return noSuchTime();

  return changeMeeting(db, actor, meetingId, async (tx, participation) => {
    const { meeting, self, other } = participation;
    requireChangeable(participation, now);
    if (meeting.version !== form.version) refuse("conflict", "This meeting changed since you opened it. Reload the page to see it as it is now");
    if (sameSlot(meeting, slot)) refuse("invalid", "Pick a different time", { startLocal: ["That is the meeting's current time"] });
    const people = await peopleByIds(tx, [self.userId, other.userId]);
    const { overrodeWindow } = checkChangeWindow(actor, participation, people, now, form.override);
    const timing = checkNewTime(actor, slot, now, form.override);
    if (!timing.ok) refuseWith(timing);

    // The zone the time was picked in is the organizer's; a move by the invitee keeps it.
    const timeZone = self.role === "organizer" ? form.timeZone : meeting.timeZone;
    const saved = await saveMeeting(tx, meeting, { ...slot, timeZone, ...noProposal, sequence: meeting.sequence + 1 });
    const answers = [
      { userId: self.userId, role: self.role, response: "accepted" as const, responseNote: null, respondedAt: now },
      { userId: other.userId, role: other.role, response: "invited" as const, responseNote: null, respondedAt: null },
    ];
    await syncParticipants(tx, actor, saved, answers, people);
    await removeMeetingReminders(tx, meeting.id);
    await scheduleMeetingReminders(tx, saved, now);

    const moved = { from: meeting.startsAt.toISOString(), to: saved.startsAt.toISOString(), endsAt: saved.endsAt.toISOString(), sequence: saved.sequence };
    await recordAudit(tx, actor, { action: "meeting.rescheduled", targetType: "meeting", targetId: meeting.id, metadata: moved });
    if (overrodeWindow) await recordAudit(tx, actor, { action: "meeting.override_student_window", targetType: "meeting", targetId: meeting.id, metadata: { rule: "student_change_window", change: "reschedule", ...moved } });
    if (timing.data.overrodeNotice) await recordAudit(tx, actor, { action: "meeting.override_notice", targetType: "meeting", targetId: meeting.id, metadata: { rule: "minimum_notice", change: "reschedule", ...moved } });

    const title = `${actor.name} moved “${meeting.title}”`;
    // The old invitation and any proposal are moot; the other person is asked again.
    const resolved = await resolveMeetingTasks(tx, meeting.id, { answers: [self.userId, other.userId], proposal: true });
    const notifications = await ringParticipant(tx, meeting.id, other.userId, {
      type: "meeting.rescheduled",
      title,
      body: other.role === "invitee" ? "Accept the new time, decline it or propose another." : "Accept the new time, or cancel the meeting.",
      startsAt: saved.startsAt,
      taskKey: taskKeys.answerMeeting(meeting.id, other.userId),
    });
    await emailMeetingFile(tx, { meeting: saved, participants: answers, people, recipientId: other.userId, title, lead: `${actor.name} moved the meeting to a new time; please answer again.`, method: "REQUEST" });
    return { data: undefined, notifications: [...resolved, ...notifications] };
  });
}
