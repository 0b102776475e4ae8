import { dateTimeFormat } from "@/lib/intl/formatters";
import type { WeeklyHours } from "@/db/schema";
import { zonedTimeToInstant } from "@/lib/assignments/time-zone";

export type BusinessHours = { timeZone: string; weeklyHours: WeeklyHours };

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The zone's wall clock at `at`: weekday (0 = Sunday), date and "HH:MM", read by Intl so DST is the zone's own. */
function wallClock(at: Date, timeZone: string): { day: number; date: string; time: string } {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", { timeZone, hourCycle: "h23", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: weekdays.indexOf(parts.weekday ?? ""), date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Open when the zone's local time falls in that weekday's [open, close) ("HH:MM" strings compare
 * in order; close may be "24:00"). A zone Intl does not know counts as closed.
 */
export function isWithinHours(settings: BusinessHours, now: Date): boolean {
  let clock: ReturnType<typeof wallClock>;
  try {
    clock = wallClock(now, settings.timeZone);
  } catch {
    return false;
  }
  return settings.weeklyHours.some((entry) => entry.day === clock.day && entry.open <= clock.time && clock.time < entry.close);
}

/** The next moment hours begin after `now` (within a week), or null when no day is open. */
export function nextOpening(settings: BusinessHours, now: Date): Date | null {
  let today: ReturnType<typeof wallClock>;
  try {
    today = wallClock(now, settings.timeZone);
  } catch {
    return null;
  }
  const [year, month, day] = today.date.split("-").map(Number) as [number, number, number];
  // Calendar days, not 24-hour steps: a 23- or 25-hour day around a DST change must not be skipped.
  for (let offset = 0; offset <= 7; offset++) {
    const date = new Date(Date.UTC(year, month - 1, day + offset));
    const local = date.toISOString().slice(0, 10);
    const openings = settings.weeklyHours
      .filter((entry) => entry.day === date.getUTCDay())
      .map((entry) => zonedTimeToInstant(`${local}T${entry.open}`, settings.timeZone))
      .filter((at): at is Date => at !== null && at.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (openings[0]) return openings[0];
  }
  return null;
}
