import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingAttendance } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { findMeetingParticipation, roomWindow } from "./policy";
import { roomEventSchema } from "./schemas";

/**
 * A participant entered or left the room, as their browser reports it (join only while the room
 * is open and not after declining). A join while a stay is open keeps that stay (a reload or a
 * second tab); a leave closes it, and a leave without an open stay changes nothing (pagehide
 * after the sweep already closed it). The attendance sweep confirms stays against presence.
 */
export async function recordRoomEvent(db: Database, actor: Actor, meetingId: string, event: unknown, now: Date = new Date()): Promise<ServiceResult> {
  const parsed = parseInput(roomEventSchema, event);
  if (!parsed.ok) return fail("invalid", "Send event: join or leave", parsed.fieldErrors);
  const participation = await findMeetingParticipation(db, actor, meetingId);
  if (!participation) return fail("not_found", "Meeting not found");
  const { meeting, self } = participation;
  const open = and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, actor.id), isNull(meetingAttendance.leftAt));

  if (parsed.data.event === "leave") {
    await db.update(meetingAttendance).set({ leftAt: now }).where(open);
    return ok(undefined);
  }
  if (self.response === "declined") return fail("forbidden", "You declined this meeting");
  if (!roomWindow(meeting, now).open) return fail("conflict", "The room is open from 10 minutes before the start until the end of a scheduled meeting");
  // The unique partial index allows one open stay per person: a second join keeps the first.
  await db
    .insert(meetingAttendance)
    .values({ meetingId: meeting.id, userId: actor.id, joinedAt: now })
    .onConflictDoNothing({ target: [meetingAttendance.meetingId, meetingAttendance.userId], where: sql`${meetingAttendance.leftAt} is null` });
  return ok(undefined);
}
