import { and, eq, gt, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingAttendance, meetings } from "@/db/schema";
import type { RecurringTask } from "@/lib/jobs/types";
import { logger } from "@/lib/log/logger";
import { pusherServer } from "@/lib/realtime/publish";

/** A stay this young is not checked yet: the browser reports the join before its presence subscription lands. */
const JOIN_GRACE_MS = 20_000;
const PRESENCE_TIMEOUT_MS = 3_000;

export const meetingPresenceChannel = (meetingId: string) => `presence-meeting-${meetingId}`;

/** The user ids in a meeting's presence channel, or null when the real-time server cannot say. */
export type PresenceLookup = (meetingId: string) => Promise<Set<string> | null>;

/** Asks the real-time server (Pusher HTTP API) who is subscribed to presence-meeting-{id}. */
export const pusherPresence: PresenceLookup = async (meetingId) => {
  const sdk = pusherServer();
  if (!sdk) return null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("presence query timed out")), PRESENCE_TIMEOUT_MS);
    });
    const response = await Promise.race([sdk.get({ path: `/channels/${meetingPresenceChannel(meetingId)}/users` }), timeout]);
    if (!response.ok) return null;
    const body = (await response.json()) as { users?: unknown };
    if (!Array.isArray(body.users)) return null;
    return new Set(body.users.flatMap((user: unknown) => (typeof user === "object" && user !== null && typeof (user as { id?: unknown }).id === "string" ? [(user as { id: string }).id] : [])));
  } catch (error) {
    logger.warn("meeting presence unavailable; stays stay open", { meetingId, error: error instanceof Error ? error.message : String(error) });
    return null;
  } finally {
    clearTimeout(timer);
  }
};

/**
 * The server's side of attendance: a stay the browser opened is closed when its person is no
 * longer in the meeting's presence channel (a crash or lost network sends no leave), and every
 * stay still open when the meeting has ended or was called off is closed at the meeting's end
 * (or now, if that is earlier). When the real-time server cannot answer, stays stay open.
 */
export async function sweepRoomAttendance(db: Database, presenceOf: PresenceLookup = pusherPresence, now: Date = new Date()): Promise<{ closed: number }> {
  const ended = await db
    .update(meetingAttendance)
    .set({ leftAt: sql`greatest(${meetingAttendance.joinedAt}, least(${now.toISOString()}::timestamptz, ${meetings.endsAt}))` })
    .from(meetings)
    .where(and(eq(meetings.id, meetingAttendance.meetingId), isNull(meetingAttendance.leftAt), or(lte(meetings.endsAt, now), ne(meetings.status, "scheduled"))))
    .returning({ id: meetingAttendance.id });

  const open = await db
    .select({ id: meetingAttendance.id, meetingId: meetingAttendance.meetingId, userId: meetingAttendance.userId })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(and(isNull(meetingAttendance.leftAt), lte(meetingAttendance.joinedAt, new Date(now.getTime() - JOIN_GRACE_MS)), gt(meetings.endsAt, now)));
  const gone: number[] = [];
  for (const meetingId of new Set(open.map((stay) => stay.meetingId))) {
    const present = await presenceOf(meetingId);
    if (!present) continue;
    for (const stay of open) if (stay.meetingId === meetingId && !present.has(stay.userId)) gone.push(stay.id);
  }
  if (gone.length > 0) await db.update(meetingAttendance).set({ leftAt: now }).where(and(inArray(meetingAttendance.id, gone), isNull(meetingAttendance.leftAt)));
  return { closed: ended.length + gone.length };
}

/** Every 30 seconds in each app process; running twice at once only closes a stay once. */
export function roomAttendanceSweep(db: Database): RecurringTask {
  return { name: "meeting-attendance", everySeconds: 30, run: async () => void (await sweepRoomAttendance(db)) };
}
