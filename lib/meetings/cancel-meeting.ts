import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { changeMeeting, meetingNotFound, noProposal, requireChangeable, saveMeeting } from "./meeting-change";
import { checkChangeWindow, syncParticipants } from "./meeting-time";
import { emailMeetingFile, resolveMeetingTasks, ringParticipant } from "./notify-participants";
import { peopleByIds } from "./people";
import { removeMeetingReminders } from "./reminders";
import { cancelMeetingSchema, meetingIdSchema } from "./schemas";

/**
 * Either participant cancels with a reason: both people's time is freed, the reminders are dropped
 * and the other person's calendar gets METHOD:CANCEL. Inside the window before the start a student
 * cannot; staff can with the override, which is recorded.
 */
export async function cancelMeeting(db: Database, actor: Actor, meetingId: string, input: unknown, now: Date = new Date()): Promise<ServiceResult> {
  if (!meetingIdSchema.safeParse(meetingId).success) return meetingNotFound();
  const parsed = parseInput(cancelMeetingSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { reason, override } = parsed.data;

  return changeMeeting(db, actor, meetingId, async (tx, participation) => {
    const { meeting, self, other } = participation;
    requireChangeable(participation, now);
    const people = await peopleByIds(tx, [self.userId, other.userId]);
    const { overrodeWindow } = checkChangeWindow(actor, participation, people, now, override);

    const saved = await saveMeeting(tx, meeting, { status: "cancelled", cancelReason: reason, cancelledBy: actor.id, cancelledAt: now, sequence: meeting.sequence + 1, ...noProposal });
    await syncParticipants(tx, actor, saved, [self, other], people);
    await removeMeetingReminders(tx, meeting.id);
    await recordAudit(tx, actor, { action: "meeting.cancelled", targetType: "meeting", targetId: meeting.id, metadata: { reason, startsAt: meeting.startsAt.toISOString(), sequence: saved.sequence } });
    if (overrodeWindow) {
      await recordAudit(tx, actor, { action: "meeting.override_student_window", targetType: "meeting", targetId: meeting.id, metadata: { rule: "student_change_window", change: "cancel", startsAt: meeting.startsAt.toISOString() } });
    }

    const title = `${actor.name} cancelled “${meeting.title}”`;
    const resolved = await resolveMeetingTasks(tx, meeting.id, { answers: [self.userId, other.userId], proposal: true });
    const notifications = await ringParticipant(tx, meeting.id, other.userId, { type: "meeting.cancelled", title, body: reason });
    await emailMeetingFile(tx, { meeting: saved, participants: [self, other], people, recipientId: other.userId, title, lead: `${actor.name} cancelled the meeting.`, note: `Reason: ${reason}`, method: "CANCEL" });
    return { data: undefined, notifications: [...resolved, ...notifications] };
  });
}
