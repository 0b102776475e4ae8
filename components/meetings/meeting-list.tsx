import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { roleLabel } from "@/lib/auth/roles";
import type { MeetingSummary } from "@/lib/meetings/types";
import { zoneAbbreviation } from "@/lib/time/format";
import { meetingStatusLabel, meetingStatusTone } from "./labels";
import { formatMeetingRange } from "./meeting-time";

/** What the row says about answers: only what needs someone's attention. */
function AnswerBadges({ meeting }: { meeting: MeetingSummary }) {
  if (meeting.status !== "scheduled") return null;
  return (
    <>
      {meeting.proposalPending ? (
        <Badge tone="amber" data-testid="proposal-waiting">
          {meeting.iAmOrganizer ? "Proposal waiting" : "Proposal sent"}
        </Badge>
      ) : null}
      {meeting.myResponse === "invited" ? <Badge tone="amber">Waiting for your answer</Badge> : null}
      {meeting.myResponse === "accepted" && meeting.theirResponse === "invited" && !meeting.proposalPending ? <Badge tone="gray">Waiting for {meeting.with.name.split(" ")[0]}</Badge> : null}
      {meeting.myResponse === "accepted" && meeting.theirResponse === "accepted" ? <Badge tone="green">Both accepted</Badge> : null}
    </>
  );
}

/** One line per meeting, in the reader's zone; a list rather than a table so it reads on a phone. */
export function MeetingList({ rows, timeZone }: { rows: MeetingSummary[]; timeZone: string }) {
  return (
    <ul aria-label="Meetings" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {rows.map((meeting) => (
        <li key={meeting.id} data-testid="meeting-row" className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4">
          <div className="min-w-0">
            <Link href={`/meetings/${meeting.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
              {meeting.title}
            </Link>
            <p className="mt-0.5 text-sm text-slate-600">
              With {meeting.with.name} ({roleLabel[meeting.with.role]})
              {meeting.assignment ? (
                <>
                  {" "}
                  · <span className="font-mono text-xs">{meeting.assignment.code}</span>
                </>
              ) : null}
            </p>
            <p className="mt-0.5 text-sm text-slate-700">
              <time dateTime={meeting.startsAt.toISOString()}>{formatMeetingRange(meeting.startsAt, meeting.endsAt, timeZone)}</time> {zoneAbbreviation(timeZone, meeting.startsAt)}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm sm:justify-end">
            <Badge tone={meetingStatusTone[meeting.status]}>{meetingStatusLabel[meeting.status]}</Badge>
            <AnswerBadges meeting={meeting} />
          </div>
        </li>
      ))}
    </ul>
  );
}
