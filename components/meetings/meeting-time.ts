import { dateTimeFormat } from "@/lib/intl/formatters";
import { zoneAbbreviation } from "@/lib/time/format";

// Pure, shared by server and client components: a meeting's time as one person reads it.

function parts(at: Date, timeZone: string) {
  const day = dateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(at).replace(",", "");
  const time = dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return { day, time };
}

/**
 * "Tue 1 Dec 2026, 14:00–15:00", or both days when it crosses midnight in this zone. A meeting across
 * a clock change names each end's offset ("00:30 EDT–01:30 EST"): the wall clock alone would make
 * two hours look like one.
 */
export function formatMeetingRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  const start = parts(startsAt, timeZone);
  const end = parts(endsAt, timeZone);
  const startZone = zoneAbbreviation(timeZone, startsAt);
  const endZone = zoneAbbreviation(timeZone, endsAt);
  if (startZone !== endZone) {
    start.time = `${start.time} ${startZone}`;
    end.time = `${end.time} ${endZone}`;
  }
  return start.day === end.day ? `${start.day}, ${start.time}–${end.time}` : `${start.day}, ${start.time} – ${end.day}, ${end.time}`;
}

/** "14:00–15:00", with the day only when `reference` (another zone's reading) falls on another day. */
export function formatMeetingRangeBeside(startsAt: Date, endsAt: Date, timeZone: string, referenceZone: string): string {
  const sameDay = parts(startsAt, timeZone).day === parts(startsAt, referenceZone).day;
  if (!sameDay) return formatMeetingRange(startsAt, endsAt, timeZone);
  const start = parts(startsAt, timeZone);
  const end = parts(endsAt, timeZone);
  if (start.day !== end.day || zoneAbbreviation(timeZone, startsAt) !== zoneAbbreviation(timeZone, endsAt)) return formatMeetingRange(startsAt, endsAt, timeZone);
  return `${start.time}–${end.time}`;
}

/** "GMT (Europe/London)": the abbreviation people know and the zone it stands for. */
export function zoneWithName(timeZone: string, at: Date): string {
  const abbreviation = zoneAbbreviation(timeZone, at);
  return abbreviation === timeZone ? timeZone : `${abbreviation}, ${timeZone}`;
}

/** "14:00" in a zone. */
export function formatClock(at: Date, timeZone: string): string {
  return parts(at, timeZone).time;
}

/** "2026-12-01": the calendar day of `at` in a zone, as a date field holds it. */
export function dayInZone(at: Date, timeZone: string): string {
  const p = Object.fromEntries(dateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}
