import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meetingParticipants, profiles, users } from "@/db/schema";
import { instantToZonedTime, zonedTimeToInstant } from "@/lib/assignments/time-zone";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { meetingRules } from "./config";
import { scheduleRefusal } from "./policy";
import { availabilityQuerySchema } from "./schemas";
import type { BusyInterval, InviteeAvailability, SlotSuggestion } from "./types";

const MAX_SUGGESTIONS = 8;
const GRID_MINUTES = 30;
// Suggestions stay inside ordinary hours in the organizer's zone; the picker still allows any time.
const DAY_FROM_HOUR = 8;
const DAY_UNTIL_HOUR = 20;

/** The next calendar day of "YYYY-MM-DD" (no zone involved: a date is a label here). */
function nextDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The invitee's and the reader's busy times (no details) on a day of the organizer's zone, and
 * free starts for the duration on a 30-minute grid between 08:00 and 20:00 there, after the
 * minimum notice. Wall-clock slots that do not exist on a DST day are skipped.
 */
export async function inviteeAvailability(db: Executor, actor: Actor, input: unknown, now: Date = new Date()): Promise<ServiceResult<InviteeAvailability>> {
  const parsed = parseInput(availabilityQuerySchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { inviteeId, date, timeZone, durationMinutes } = parsed.data;
  const dayStart = zonedTimeToInstant(`${date}T00:00`, timeZone);
  const dayEnd = zonedTimeToInstant(`${nextDate(date)}T00:00`, timeZone);
  if (!dayStart || !dayEnd) return fail("invalid", "Check the highlighted fields", { date: ["Pick a day"] });

  const [invitee] = await db
    .select({ id: users.id, role: users.role, status: users.status, timeZone: profiles.timeZone })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, inviteeId));
  if (!invitee) return fail("not_found", "Person not found");
  const refusal = await scheduleRefusal(db, actor, invitee, null);
  if (refusal) return fail("forbidden", refusal);

  const rows = await db
    .select({ userId: meetingParticipants.userId, startsAt: sql<string>`to_json(lower(${meetingParticipants.during}))#>>'{}'`, endsAt: sql<string>`to_json(upper(${meetingParticipants.during}))#>>'{}'` })
    .from(meetingParticipants)
    .where(
      and(
        inArray(meetingParticipants.userId, [invitee.id, actor.id]),
        eq(meetingParticipants.holdsTime, true),
        sql`${meetingParticipants.during} && tstzrange(${dayStart.toISOString()}::timestamptz, ${dayEnd.toISOString()}::timestamptz, '[)')`,
      ),
    )
    .orderBy(sql`lower(${meetingParticipants.during})`);
  // to_json gives ISO 8601, which Date reads in every runtime (PostgreSQL's own text form is not ISO).
  const busy: BusyInterval[] = rows.map((row) => ({ startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt), who: row.userId === actor.id ? "me" : "invitee" }));

  return ok({ inviteeTimeZone: invitee.timeZone, busy, suggestions: freeStarts({ date, timeZone, durationMinutes, busy, earliest: new Date(now.getTime() + meetingRules().minNoticeMs) }) });
}

type SlotQuery = { date: string; timeZone: string; durationMinutes: number; busy: BusyInterval[]; earliest: Date };

/** Up to eight starts on the grid that leave the whole meeting free for both people. */
export function freeStarts({ date, timeZone, durationMinutes, busy, earliest }: SlotQuery): SlotSuggestion[] {
  const closes = zonedTimeToInstant(`${date}T${pad(DAY_UNTIL_HOUR)}:00`, timeZone);
  if (!closes) return [];
  const suggestions: SlotSuggestion[] = [];
  for (let minute = DAY_FROM_HOUR * 60; minute < DAY_UNTIL_HOUR * 60 && suggestions.length < MAX_SUGGESTIONS; minute += GRID_MINUTES) {
    const startLocal = `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
    const startsAt = zonedTimeToInstant(startLocal, timeZone);
    // In a spring-forward gap the wall-clock time never happens: the instant reads back differently.
    if (!startsAt || instantToZonedTime(startsAt, timeZone) !== startLocal) continue;
    const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
    if (startsAt < earliest || endsAt > closes) continue;
    if (busy.some((interval) => interval.startsAt < endsAt && startsAt < interval.endsAt)) continue;
    if (suggestions.some((known) => known.startsAt.getTime() === startsAt.getTime())) continue;
    suggestions.push({ startLocal, startsAt });
  }
  return suggestions;
}
