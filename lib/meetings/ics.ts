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

/** CONTRACT STUB (helper "reads" implements with the `ics` package). One VEVENT, UID `${id}@nano-problem`, METHOD REQUEST or CANCEL. */
export function meetingIcs(_meeting: IcsMeeting, _method: "REQUEST" | "CANCEL" | "PUBLISH"): string {
  throw new Error("not implemented");
}
