import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assignments, meetings } from "@/db/schema";
import { instantToZonedTime, zonedTimeToInstant } from "@/lib/assignments/time-zone";
import type { ServiceResult } from "@/lib/errors";
import { recordRoomEvent } from "@/lib/meetings/attendance";
import { completeEndedMeetings } from "@/lib/meetings/complete-meetings";
import { createMeeting } from "@/lib/meetings/create-meeting";
import { respondToMeeting } from "@/lib/meetings/respond-to-meeting";
import { loadPeople } from "./seed-demo-assignments";

function must<T>(result: ServiceResult<T>): T {
  if (!result.ok) throw new Error(`demo meetings: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

const DAY_MS = 86_400_000;

/** The instant of a wall-clock time `days` days from today in `timeZone`. */
function dayAt(now: Date, days: number, time: string, timeZone: string): Date {
  const today = instantToZonedTime(now, timeZone).slice(0, 10);
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  const instant = zonedTimeToInstant(`${day}T${time}`, timeZone);
  if (!instant) throw new Error(`demo meetings: no such time ${day}T${time} in ${timeZone}`);
  return instant;
}

/**
 * Meetings through the services: Priya and Liam's accepted call about the lab report tomorrow (picked
 * in her zone, shown in his), Diego's invitation still waiting for Liam, and a call they held last
 * week with its attendance. Runs once: a database that already has meetings is left alone.
 */
export async function seedDemoMeetings(db: Database, now: Date = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(meetings);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = await loadPeople(db);
  if (!people) return { created: 0 };
  const { liam, priya, diego } = people;
  const [lab] = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.title, "Pendulum lab report"));
  const assignmentId = lab?.id;

  const schedule = async (organizer: typeof priya, invitee: typeof liam, startsAt: Date, fields: { title: string; agenda: string; durationMinutes: number; assignmentId?: string }, at: Date = now) =>
    must(await createMeeting(db, organizer, { inviteeId: invitee.id, startLocal: instantToZonedTime(startsAt, organizer.timeZone), timeZone: organizer.timeZone, ...fields }, at)).meetingId;

  // Last week's call, held and left in the room.
  const heldStart = dayAt(now, -6, "09:00", liam.timeZone);
  const bookedAt = new Date(heldStart.getTime() - 2 * DAY_MS);
  const held = await schedule(priya, liam, heldStart, { title: "Pendulum lab: plan the write-up", agenda: "Agree on the sections and which measurements to include.", durationMinutes: 30, assignmentId }, bookedAt);
  must(await respondToMeeting(db, liam, held, { answer: "accept" }, bookedAt));
  for (const [person, joinAfter, leaveAfter] of [
    [priya, 1, 31],
    [liam, 2, 30],
  ] as const) {
    must(await recordRoomEvent(db, person, held, { event: "join" }, new Date(heldStart.getTime() + joinAfter * 60_000)));
    must(await recordRoomEvent(db, person, held, { event: "leave" }, new Date(heldStart.getTime() + leaveAfter * 60_000)));
  }

  const call = await schedule(priya, liam, dayAt(now, 1, "09:00", liam.timeZone), {
    title: "Walk through the lab report",
    agenda: "Go through the uncertainty analysis and the graphs before the final version.",
    durationMinutes: 45,
    assignmentId,
  });
  must(await respondToMeeting(db, liam, call, { answer: "accept" }, now));

  await schedule(diego, liam, dayAt(now, 3, "11:00", diego.timeZone), { title: "Check-in on your first month", agenda: "How the service has worked for you so far, and anything we can do better.", durationMinutes: 30 });

  await completeEndedMeetings(db, now);
  return { created: 3 };
}
