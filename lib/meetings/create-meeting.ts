import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/policy";
import { fail, type ServiceResult } from "@/lib/errors";
import { taskKeys } from "@/lib/notifications/task-keys";
import { parseInput } from "@/lib/validation";
import { runMeetingChange } from "./meeting-change";
import { checkNewTime, insertParticipants, noSuchTime, slotFromForm } from "./meeting-time";
import { emailMeetingFile, ringParticipant } from "./notify-participants";
import { peopleByIds } from "./people";
import { scheduleRefusal } from "./policy";
import { scheduleMeetingReminders } from "./reminders";
import { createMeetingSchema } from "./schemas";

/**
 * The organizer invites one person at a time picked in their own zone. Who may meet whom, the
 * notice and the slot are checked first; PostgreSQL refuses a time either person already holds,
 * so of concurrent bookings of one slot exactly one is made.
 */
export async function createMeeting(db: Database, actor: Actor, input: unknown, now: Date = new Date()): Promise<ServiceResult<{ meetingId: string }>> {
  if (!can(actor, "meetings:take-part")) return fail("forbidden", "You cannot schedule meetings");
  const parsed = parseInput(createMeetingSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const form = parsed.data;
  const assignmentId = form.assignmentId ?? null;

  const people = await peopleByIds(db, [actor.id, form.inviteeId]);
  const invitee = people.get(form.inviteeId);
  if (!invitee) return fail("invalid", "Check the highlighted fields", { inviteeId: ["This person was not found"] });
  const withPerson = await scheduleRefusal(db, actor, invitee, null);
  if (withPerson) return fail("forbidden", withPerson, { inviteeId: [withPerson] });
  const withAssignment = assignmentId ? await scheduleRefusal(db, actor, invitee, assignmentId) : null;
  if (withAssignment) return fail("forbidden", withAssignment, { assignmentId: [withAssignment] });

  const slot = slotFromForm(form);
  if (!slot) return noSuchTime();
  const timing = checkNewTime(actor, slot, now, form.override);
  if (!timing.ok) return timing;

  return runMeetingChange(db, async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({ organizerId: actor.id, assignmentId, title: form.title, agenda: form.agenda ?? "", ...slot, timeZone: form.timeZone })
      .returning();
    if (!meeting) throw new Error("meeting insert returned nothing");
    const participants = [
      { userId: actor.id, role: "organizer" as const, response: "accepted" as const, responseNote: null, respondedAt: now },
      { userId: invitee.id, role: "invitee" as const, response: "invited" as const, responseNote: null, respondedAt: null },
    ];
    await insertParticipants(tx, actor, meeting, participants, people);

    const audited = { inviteeId: invitee.id, assignmentId, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), timeZone: form.timeZone };
    await recordAudit(tx, actor, { action: "meeting.created", targetType: "meeting", targetId: meeting.id, metadata: audited });
    if (timing.data.overrodeNotice) {
      await recordAudit(tx, actor, { action: "meeting.override_notice", targetType: "meeting", targetId: meeting.id, metadata: { rule: "minimum_notice", startsAt: audited.startsAt, bookedAt: now.toISOString() } });
    }
    await scheduleMeetingReminders(tx, meeting, now);

    const title = `${actor.name} invited you to “${meeting.title}”`;
    const notifications = await ringParticipant(tx, meeting.id, invitee.id, {
      type: "meeting.invited",
      title,
      body: "Accept, decline or propose another time.",
      startsAt: meeting.startsAt,
      taskKey: taskKeys.answerMeeting(meeting.id, invitee.id),
    });
    await emailMeetingFile(tx, { meeting, participants, people, recipientId: invitee.id, title, lead: `${actor.name} invited you to a meeting.`, method: "REQUEST" });
    return { data: { meetingId: meeting.id }, notifications };
  });
}
