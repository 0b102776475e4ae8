/**
 * The one way the product shows a moment: in the viewer's zone, with the zone's abbreviation
 * ("13 Dec 2026, 17:00 EST"). Pure and shared by server and client components.
 */
import { dateTimeFormat, relativeTimeFormat } from "@/lib/intl/formatters";

// Each locale knows the abbreviations its readers use; the first that is not a bare offset wins.
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN", "en-NZ", "en-ZA"];

export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  let fallback = "";
  for (const locale of ABBREVIATION_LOCALES) {
    const name = dateTimeFormat(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value;
    if (!name) continue;
    fallback ||= name;
    if (!/^(GMT|UTC)[+-−]/.test(name)) return name;
  }
  return fallback || timeZone;
}

/** "13 Dec 2026, 17:00 EST" */
export function formatDateTime(at: Date, timeZone: string): string {
  const text = dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}

/** "13 Dec 2026" — for days, where the hour does not matter (still the viewer's calendar day). */
export function formatDate(at: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(at);
}

/** "Sunday 13 December 2026, 17:00 EST" — for a title or tooltip. */
export function formatDateTimeLong(at: Date, timeZone: string): string {
  const text = dateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["week", 7 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
];

/** "in 3 days", "2 hours ago", "just now". */
export function formatRelative(at: Date, now: Date = new Date()): string {
  const diff = at.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 60_000) return "just now";
  const format = relativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (abs >= size) return format.format(Math.round(diff / size), unit);
  }
  return "just now";
}
