import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { MeetingListQuery } from "./schemas";
import type { InviteeOption, MeetingDetail, MeetingList } from "./types";

/** CONTRACT STUB (helper "reads" implements). The actor's meetings, upcoming (soonest first) or past (newest first), searchable by title or person. */
export async function listMeetings(_db: Executor, _actor: Actor, _query: MeetingListQuery, _now: Date = new Date()): Promise<MeetingList> {
  throw new Error("not implemented");
}

/** CONTRACT STUB. One meeting for one of its participants; null for anyone else. */
export async function loadMeeting(_db: Executor, _actor: Actor, _meetingId: string, _now: Date = new Date()): Promise<MeetingDetail | null> {
  throw new Error("not implemented");
}

/** CONTRACT STUB. People the actor may invite, filtered by name/public id/email (q), at most 20. */
export async function inviteeOptions(_db: Executor, _actor: Actor, _q: string): Promise<InviteeOption[]> {
  throw new Error("not implemented");
}
