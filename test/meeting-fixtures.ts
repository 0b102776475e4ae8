import type { Database } from "@/db/client";
import { meetingParticipants, meetings, type Meeting } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assignmentIn, createTeam, type Team } from "./assignment-fixtures";

type Response = "invited" | "accepted" | "declined";

export type MeetingSeed = {
  organizer: Pick<Actor, "id">;
  invitee: Pick<Actor, "id">;
  startsAt: Date;
  /** Defaults to 30 minutes after the start. */
  endsAt?: Date;
  title?: string;
  agenda?: string;
  timeZone?: string;
  status?: Meeting["status"];
  organizerResponse?: Response;
  inviteeResponse?: Response;
  assignmentId?: string | null;
  proposal?: { startsAt: Date; endsAt: Date; byUserId: string; note?: string };
  cancellation?: { reason: string; byUserId: string; at: Date };
};

export const minutesFrom = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/**
 * A meeting written straight to the tables (not through the write services), with both people's
 * `during` and `holds_time` set as the services keep them.
 */
export async function insertMeeting(db: Database, seed: MeetingSeed): Promise<string> {
  const endsAt = seed.endsAt ?? minutesFrom(seed.startsAt, 30);
  const status = seed.status ?? "scheduled";
  const during = `[${seed.startsAt.toISOString()},${endsAt.toISOString()})`;
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({
        organizerId: seed.organizer.id,
        assignmentId: seed.assignmentId ?? null,
        title: seed.title ?? "Catch-up",
        agenda: seed.agenda ?? "",
        startsAt: seed.startsAt,
        endsAt,
        timeZone: seed.timeZone ?? "UTC",
        status,
        proposedStartsAt: seed.proposal?.startsAt ?? null,
        proposedEndsAt: seed.proposal?.endsAt ?? null,
        proposedBy: seed.proposal?.byUserId ?? null,
        proposalNote: seed.proposal?.note ?? null,
        cancelReason: seed.cancellation?.reason ?? null,
        cancelledBy: seed.cancellation?.byUserId ?? null,
        cancelledAt: seed.cancellation?.at ?? null,
      })
      .returning({ id: meetings.id });
    const people: { userId: string; role: "organizer" | "invitee"; response: Response }[] = [
      { userId: seed.organizer.id, role: "organizer", response: seed.organizerResponse ?? "accepted" },
      { userId: seed.invitee.id, role: "invitee", response: seed.inviteeResponse ?? "invited" },
    ];
    await tx.insert(meetingParticipants).values(
      people.map((person) => ({ meetingId: meeting!.id, ...person, during, holdsTime: status === "scheduled" && person.response !== "declined" })),
    );
    return meeting!.id;
  });
}

/** A team whose teacher has accepted the student's assignment: they may meet each other. */
export async function meetingTeam(db: Database): Promise<Team & { assignment: { id: string; code: string } }> {
  const team = await createTeam(db);
  const assignment = await assignmentIn(db, team, "in_progress");
  return { ...team, assignment };
}
