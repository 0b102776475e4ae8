import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meetingParticipants, meetings, profiles, users, type Meeting } from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import type { IcsMeeting, IcsPerson } from "./ics";

/** The meetings as calendar files describe them: both people with names, emails and answers, and the meeting's page. */
export async function icsMeetings(db: Executor, rows: Meeting[]): Promise<IcsMeeting[]> {
  if (rows.length === 0) return [];
  const people = await db
    .select({ meetingId: meetingParticipants.meetingId, role: meetingParticipants.role, response: meetingParticipants.response, name: profiles.fullName, email: users.email })
    .from(meetingParticipants)
    .innerJoin(users, eq(users.id, meetingParticipants.userId))
    .innerJoin(profiles, eq(profiles.userId, meetingParticipants.userId))
    .where(
      inArray(
        meetingParticipants.meetingId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(meetingParticipants.role));
  return rows.flatMap((meeting) => {
    const mine = people.filter((person) => person.meetingId === meeting.id);
    const organizer = mine.find((person) => person.role === "organizer");
    if (!organizer) return [];
    const asIcs = (person: (typeof mine)[number]): IcsPerson => ({ name: person.name, email: person.email, response: person.response });
    return [
      {
        id: meeting.id,
        title: meeting.title,
        agenda: meeting.agenda,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        sequence: meeting.sequence,
        status: meeting.status,
        organizer: asIcs(organizer),
        attendees: mine.map(asIcs),
        url: appUrl(`/meetings/${meeting.id}`),
      },
    ];
  });
}

/** One meeting's calendar file data, by id (the caller has checked who may see it). */
export async function icsMeeting(db: Executor, meetingId: string): Promise<IcsMeeting | null> {
  const rows = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return (await icsMeetings(db, rows))[0] ?? null;
}
