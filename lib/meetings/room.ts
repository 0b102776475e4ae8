import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { iceServers, type RTCIceServerConfig } from "./config";
import { findMeetingParticipation, roomWindow, type RoomWindow } from "./policy";

export type RoomPerson = { userId: string; name: string };

export type RoomView = {
  meetingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  me: RoomPerson;
  other: RoomPerson;
  /** The reader's profile zone, for "Opens at 14:50" before the room opens. */
  timeZone: string;
  iceServers: RTCIceServerConfig[];
  window: RoomWindow;
};

/**
 * The room as one of the meeting's two participants sees it; null (404) for anyone else and for a
 * participant who declined. Whether the room is open yet is `window.open`: the page shows when it
 * opens instead of the call.
 */
export async function loadRoom(db: Executor, actor: Actor, meetingId: string, now: Date = new Date()): Promise<RoomView | null> {
  const participation = await findMeetingParticipation(db, actor, meetingId);
  if (!participation || participation.self.response === "declined") return null;
  const { meeting, self, other } = participation;
  const people = await db
    .select({ userId: profiles.userId, name: profiles.fullName, timeZone: profiles.timeZone })
    .from(profiles)
    .where(inArray(profiles.userId, [self.userId, other.userId]));
  const mine = people.find((person) => person.userId === self.userId);
  const theirs = people.find((person) => person.userId === other.userId);
  return {
    meetingId: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    me: { userId: self.userId, name: mine?.name || actor.name },
    other: { userId: other.userId, name: theirs?.name || "The other participant" },
    timeZone: mine?.timeZone ?? meeting.timeZone,
    iceServers: iceServers(actor.id, now),
    window: roomWindow(meeting, now),
  };
}

