import { createEvents, type Attendee, type EventAttributes, type ParticipationStatus } from "ics";

export type IcsPerson = { name: string; email: string; response?: "invited" | "accepted" | "declined" };
export type IcsMeeting = {
  id: string;
  title: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  status: "scheduled" | "completed" | "cancelled" | "declined";
  organizer: IcsPerson;
  attendees: IcsPerson[];
  /** The meeting's page in the app (absolute). */
  url: string;
};

const PRODUCT_ID = "-//nano-problem//meetings//EN";

/** Calendars match updates and cancellations to the event by this UID, so it never changes. */
export function meetingUid(meetingId: string): string {
  return `${meetingId}@nano-problem`;
}

const partstat: Record<NonNullable<IcsPerson["response"]>, ParticipationStatus> = { invited: "NEEDS-ACTION", accepted: "ACCEPTED", declined: "DECLINED" };

// The package quotes parameter values but does not escape a double quote the way RFC 5545 needs
// (it may not occur in a quoted parameter at all), and a line break would end the property.
const paramSafe = (name: string) => name.replace(/"/g, "'").replace(/[\r\n]+/g, " ");

/** A meeting that will not happen (cancelled, or the invitee declined) is CANCELLED in calendars. */
const isOff = (meeting: IcsMeeting) => meeting.status === "cancelled" || meeting.status === "declined";

function meetingEvent(meeting: IcsMeeting, method: "REQUEST" | "CANCEL" | "PUBLISH"): EventAttributes {
  const attendees: Attendee[] = meeting.attendees.map((person) => ({
    name: paramSafe(person.name),
    email: person.email,
    role: "REQ-PARTICIPANT",
    partstat: partstat[person.response ?? "invited"],
    rsvp: method === "REQUEST" && (person.response ?? "invited") === "invited",
  }));
  return {
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    title: meeting.title,
    description: meeting.agenda || undefined,
    // Instants in UTC (DTSTART:...Z): each calendar shows them in its own zone.
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: meeting.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    url: meeting.url,
    status: method === "CANCEL" || isOff(meeting) ? "CANCELLED" : "CONFIRMED",
    organizer: { name: paramSafe(meeting.organizer.name), email: meeting.organizer.email },
    attendees,
    productId: PRODUCT_ID,
  };
}

function render(events: EventAttributes[], header: { method: string; calName?: string }): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, ...header });
  if (error || value === null) throw error ?? new Error("The calendar file could not be built");
  return value;
}

/** One VEVENT, UID `${id}@nano-problem`, METHOD REQUEST or CANCEL (PUBLISH for a plain download). */
export function meetingIcs(meeting: IcsMeeting, method: "REQUEST" | "CANCEL" | "PUBLISH"): string {
  return render([meetingEvent(meeting, method)], { method });
}

/** A subscribed calendar (the private feed): every meeting as a published event. */
export function calendarIcs(meetings: IcsMeeting[], calName: string): string {
  return render(
    meetings.map((meeting) => meetingEvent(meeting, "PUBLISH")),
    { method: "PUBLISH", calName },
  );
}
