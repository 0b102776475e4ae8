import { CalendarPlus, Video } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { When } from "@/components/assignments/when";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { roleHome, roleLabel, type Role } from "@/lib/auth/roles";
import type { MeetingDetail } from "@/lib/meetings/types";
import { formatDateTime, zoneAbbreviation } from "@/lib/time/format";
import { meetingStatusLabel, meetingStatusTone, responseLabel, responseTone } from "./labels";
import { AnswerProposalButtons, MeetingActionButtons } from "./meeting-actions";
import { formatMeetingRange, formatMeetingRangeBeside } from "./meeting-time";

type Props = {
  meeting: MeetingDetail;
  viewer: { id: string; role: Role; timeZone: string };
  timeZones: string[];
  now: Date;
};

/** The other zones worth showing beside the reader's: each participant's, and the one it was set in. */
function otherZones(meeting: MeetingDetail, viewer: Props["viewer"]): { zone: string; who: string }[] {
  const zones = new Map<string, string[]>();
  for (const person of meeting.participants) {
    if (person.userId === viewer.id || person.timeZone === viewer.timeZone) continue;
    zones.set(person.timeZone, [...(zones.get(person.timeZone) ?? []), person.name]);
  }
  if (meeting.timeZone !== viewer.timeZone && !zones.has(meeting.timeZone)) zones.set(meeting.timeZone, ["set in"]);
  return [...zones].map(([zone, names]) => ({ zone, who: names.join(", ") }));
}

/** "Tue 1 Dec 2026, 14:00–15:00 GMT (Europe/London) · 15:00–16:00 for Hannah Müller (Europe/Berlin)". */
function MeetingTimes({ startsAt, endsAt, meeting, viewer, testId }: { startsAt: Date; endsAt: Date; meeting: MeetingDetail; viewer: Props["viewer"]; testId: string }) {
  return (
    <div data-testid={testId}>
      <p className="font-medium text-slate-900" data-testid={`${testId}-yours`}>
        <time dateTime={startsAt.toISOString()}>
          {formatMeetingRange(startsAt, endsAt, viewer.timeZone)} {zoneAbbreviation(viewer.timeZone, startsAt)}
        </time>{" "}
        <span className="font-normal text-slate-600">({viewer.timeZone}, your time)</span>
      </p>
      {otherZones(meeting, viewer).map(({ zone, who }) => (
        <p key={zone} className="text-sm text-slate-700" data-testid={`${testId}-other`}>
          {formatMeetingRangeBeside(startsAt, endsAt, zone, viewer.timeZone)} {zoneAbbreviation(zone, startsAt)}{" "}
          <span className="text-slate-600">
            in {zone}
            {who === "set in" ? " (the zone it was set in)" : ` (${who})`}
          </span>
        </p>
      ))}
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  // Not a Card with a title: its aria-label would also answer getByLabel for the fields in dialogs.
  return (
    <section className="rounded-xl border bg-card p-4 shadow-xs sm:p-6" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-foreground">{title}</h2>
      {children}
    </section>
  );
}

export function MeetingDetailView({ meeting, viewer, timeZones, now }: Props) {
  const other = meeting.participants.find((person) => person.userId !== viewer.id);
  const ended = meeting.status === "completed" || meeting.endsAt <= now;
  const canStillJoin = meeting.status === "scheduled" && now < meeting.room.closesAt;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/meetings" className="text-brand-700 underline">
          ← Back to meetings
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-foreground">{meeting.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Badge tone={meetingStatusTone[meeting.status]} data-testid="meeting-status">
              {meetingStatusLabel[meeting.status]}
            </Badge>
            {meeting.proposalPending ? <Badge tone="amber">{meeting.iAmOrganizer ? "Proposal waiting" : "Proposal sent"}</Badge> : null}
            <span className="text-sm text-slate-600">
              With {meeting.with.name} ({roleLabel[meeting.with.role]}) · {meeting.iAmOrganizer ? "you organize it" : "you are invited"}
            </span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {meeting.actions.join ? (
            <Link href={`/meetings/${meeting.id}/room`} className={buttonClass("default")} data-testid="join-meeting">
              <Video aria-hidden="true" />
              Join
            </Link>
          ) : null}
          <a href={`/api/meetings/${meeting.id}/ics`} download className={buttonClass("outline")} data-testid="meeting-ics">
            <CalendarPlus aria-hidden="true" />
            Add to calendar (.ics)
          </a>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          <Section title="When">
            <MeetingTimes startsAt={meeting.startsAt} endsAt={meeting.endsAt} meeting={meeting} viewer={viewer} testId="meeting-time" />
            {meeting.actions.join ? null : canStillJoin ? (
              <p className="mt-3 text-sm text-slate-600" data-testid="room-opens">
                The room opens at <When at={meeting.room.opensAt} timeZone={viewer.timeZone} />, 10 minutes before the start.
              </p>
            ) : null}
            {meeting.actions.lockedReason ? <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{meeting.actions.lockedReason}</p> : null}
            {other ? (
              <MeetingActionButtons
                meetingId={meeting.id}
                version={meeting.version}
                startsAt={meeting.startsAt}
                endsAt={meeting.endsAt}
                actions={meeting.actions}
                timeZone={viewer.timeZone}
                timeZones={timeZones}
                other={{ name: other.name, timeZone: other.timeZone }}
              />
            ) : null}
          </Section>

          {meeting.proposal ? (
            <Section title="Proposed new time" testId="proposal">
              <p className="mb-2 text-sm text-slate-700">{meeting.proposal.byUserId === viewer.id ? "You proposed:" : `${meeting.proposal.byName} proposed:`}</p>
              <MeetingTimes startsAt={meeting.proposal.startsAt} endsAt={meeting.proposal.endsAt} meeting={meeting} viewer={viewer} testId="proposal-time" />
              {meeting.proposal.note ? <p className="mt-2 text-sm whitespace-pre-wrap text-slate-700">“{meeting.proposal.note}”</p> : null}
              <div className="mt-4">
                {meeting.actions.answerProposal ? (
                  <AnswerProposalButtons meetingId={meeting.id} />
                ) : (
                  <p className="text-sm text-slate-600">Waiting for {meeting.with.name} to accept or decline it; until then the meeting keeps its time.</p>
                )}
              </div>
            </Section>
          ) : null}

          {meeting.cancellation ? (
            <Section title="Cancelled" testId="cancellation">
              <p className="text-sm text-slate-700">
                {meeting.cancellation.byName ? `Cancelled by ${meeting.cancellation.byName}` : "Cancelled"} on <When at={meeting.cancellation.at} timeZone={viewer.timeZone} />.
              </p>
              {meeting.cancellation.reason ? <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800">Reason: {meeting.cancellation.reason}</p> : null}
            </Section>
          ) : null}

          <Section title="Agenda">
            {meeting.agenda ? <p className="text-sm break-words whitespace-pre-wrap text-slate-800">{meeting.agenda}</p> : <p className="text-sm text-muted-foreground">No agenda given.</p>}
            {meeting.assignment ? (
              <p className="mt-3 text-sm">
                About{" "}
                <Link href={`${roleHome[viewer.role]}/assignments/${meeting.assignment.id}`} className="text-brand-700 underline">
                  {meeting.assignment.code} · {meeting.assignment.title}
                </Link>
              </p>
            ) : null}
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <Section title="Participants" testId="participants">
            <ul className="divide-y divide-slate-100">
              {meeting.participants.map((person) => (
                <li key={person.userId} className="py-2 first:pt-0 last:pb-0" data-testid="participant">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="min-w-0 font-medium break-words text-slate-900">
                      {person.name}
                      {person.userId === viewer.id ? " (you)" : ""}
                    </span>
                    <Badge tone={person.participantRole === "organizer" ? "gray" : responseTone[person.response]}>{person.participantRole === "organizer" ? "Organizer" : responseLabel[person.response]}</Badge>
                  </div>
                  <p className="text-xs text-slate-600">
                    {roleLabel[person.role]} · {person.timeZone}
                  </p>
                  {person.response === "declined" && person.responseNote ? <p className="mt-1 text-sm text-slate-700">Reason: {person.responseNote}</p> : null}
                </li>
              ))}
            </ul>
          </Section>

          {ended || meeting.attendance.length > 0 ? (
            <Section title="Attendance" testId="attendance">
              {meeting.attendance.length === 0 ? (
                <p className="text-sm text-muted-foreground">Nobody joined the room.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {meeting.attendance.map((stay) => (
                    <li key={`${stay.userId}-${stay.joinedAt.toISOString()}`}>
                      <span className="font-medium">{stay.name}</span>
                      <span className="block text-slate-600">
                        Joined {formatDateTime(stay.joinedAt, viewer.timeZone)} · {stay.leftAt ? `left ${formatDateTime(stay.leftAt, viewer.timeZone)}` : "still in the room"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          ) : null}
        </div>
      </div>
    </>
  );
}

