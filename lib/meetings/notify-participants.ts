import type { Executor } from "@/db/client";
import type { Meeting, MeetingParticipant, Notification } from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import { notificationEmailsSilenced, queueNotificationEmail } from "@/lib/notifications/email-notifications";
import { notify } from "@/lib/notifications/notify";
import { resolveTask } from "@/lib/notifications/resolve-task";
import { taskKeys } from "@/lib/notifications/task-keys";
import { formatDateTime } from "@/lib/time/format";
import { meetingIcs, type IcsPerson } from "./ics";
import { personIn, type MeetingPersonInfo } from "./people";

export const meetingHref = (meetingId: string) => `/meetings/${meetingId}`;

export type MeetingBell = { type: string; title: string; body?: string | null; startsAt?: Date; taskKey?: string };

/** A bell for one participant; the start is data, so each reader sees it in their own zone. */
export function ringParticipant(tx: Executor, meetingId: string, userId: string, bell: MeetingBell): Promise<Notification[]> {
  return notify(tx, [userId], {
    type: bell.type,
    title: bell.title,
    body: bell.body ?? undefined,
    link: meetingHref(meetingId),
    data: bell.startsAt ? { startsAt: bell.startsAt.toISOString() } : undefined,
    taskKey: bell.taskKey,
  });
}

/**
 * Closes the bells that asked for an answer this change gives or makes moot: `answers` for these
 * participants' invitations, `proposal` for a waiting proposed time.
 */
export function resolveMeetingTasks(tx: Executor, meetingId: string, tasks: { answers?: readonly string[]; proposal?: boolean }): Promise<Notification[]> {
  const keys = (tasks.answers ?? []).map((userId) => taskKeys.answerMeeting(meetingId, userId));
  if (tasks.proposal) keys.push(taskKeys.answerMeetingProposal(meetingId));
  return resolveTask(tx, keys);
}

/**
 * "When" for an email, which is written once for one reader: their own zone first, then the zone
 * the organizer picked it in when that reads differently (the invitation shows both).
 */
export function whenSentence(meeting: Pick<Meeting, "startsAt" | "endsAt" | "timeZone">, recipient: MeetingPersonInfo, organizer: MeetingPersonInfo): string {
  const minutes = Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000);
  const theirs = formatDateTime(meeting.startsAt, recipient.timeZone);
  const organizers = formatDateTime(meeting.startsAt, meeting.timeZone);
  const whose = recipient.id === organizer.id ? "as you scheduled it" : `${organizer.name}'s time`;
  const second = organizers === theirs ? "" : ` (${organizers}, ${whose})`;
  return `When: ${theirs}, your time${second}, for ${minutes} minutes.`;
}

type ParticipantAnswer = Pick<MeetingParticipant, "userId" | "role" | "response">;

function icsPerson(person: MeetingPersonInfo, participant: ParticipantAnswer): IcsPerson {
  return { name: person.name, email: person.email, response: participant.response };
}

export type MeetingEmail = {
  meeting: Meeting;
  /** Both participants with their answers as they stand after the change. */
  participants: ParticipantAnswer[];
  people: Map<string, MeetingPersonInfo>;
  recipientId: string;
  title: string;
  /** The sentence before the time: who did what. */
  lead: string;
  /** Said after the time, e.g. why it was cancelled. */
  note?: string;
  method: "REQUEST" | "CANCEL";
};

/**
 * The email with the meeting's calendar file (METHOD REQUEST for an invitation or a move, CANCEL
 * for a cancellation), in the change's transaction; sent only if the person wants these emails.
 */
export async function emailMeetingFile(tx: Executor, email: MeetingEmail): Promise<boolean> {
  // The demo seed books from a process without the app's environment (APP_URL for the .ics link).
  if (notificationEmailsSilenced()) return false;
  const { meeting, participants, people } = email;
  const organizerRow = participants.find((row) => row.role === "organizer");
  const inviteeRow = participants.find((row) => row.role === "invitee");
  if (!organizerRow || !inviteeRow) throw new Error(`meeting ${meeting.id} lacks a participant`);
  const organizer = personIn(people, organizerRow.userId);
  const recipient = personIn(people, email.recipientId);
  const ics = meetingIcs(
    {
      id: meeting.id,
      title: meeting.title,
      agenda: meeting.agenda,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      sequence: meeting.sequence,
      status: meeting.status,
      organizer: icsPerson(organizer, organizerRow),
      attendees: [icsPerson(personIn(people, inviteeRow.userId), inviteeRow)],
      url: appUrl(meetingHref(meeting.id)),
    },
    email.method,
  );
  const after = email.note ?? (meeting.agenda && email.method === "REQUEST" ? `Agenda: ${meeting.agenda}` : "");
  return queueNotificationEmail(tx, {
    userId: recipient.id,
    kind: "meeting_invitation",
    title: email.title,
    body: [email.lead, whenSentence(meeting, recipient, organizer), after].filter(Boolean).join(" "),
    link: meetingHref(meeting.id),
    // The outbox keeps attachments as base64 (lib/mail/types.ts).
    attachments: [{ filename: "meeting.ics", content: Buffer.from(ics, "utf8").toString("base64"), contentType: `text/calendar; method=${email.method}` }],
  });
}
