import { dateTimeFormat } from "@/lib/intl/formatters";
import { isTimeZone } from "@/lib/time-zones";

export { isTimeZone };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds.
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time ("2026-03-14T17:00", as a datetime-local field sends it) names in
 * a time zone, or null when the text is not a real date. Done on the server so a deadline means
 * the same moment whatever the browser's clock or zone.
 */
export function zonedTimeToInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL.exec(local);
  if (!match || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(guess);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const first = guess - offsetAt(guess, timeZone);
  // A second pass settles instants near a daylight-saving change.
  return new Date(guess - offsetAt(first, timeZone));
}

/** The wall-clock value a datetime-local field shows for `instant` in `timeZone`. */
export function instantToZonedTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
