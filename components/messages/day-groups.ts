/** Calendar days in the viewer's zone, for grouping a thread's messages under "Today", "Yesterday", … */
import { dateTimeFormat } from "@/lib/intl/formatters";

/** "2026-11-30": the day `at` falls on in `timeZone` (en-CA writes ISO order). */
export function dayKey(at: Date, timeZone: string): string {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function shiftKey(key: string, days: number): string {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "Today", "Yesterday", "Monday 23 November" this year, "23 November 2025" before. */
export function dayLabel(key: string, now: Date, timeZone: string): string {
  const today = dayKey(now, timeZone);
  if (key === today) return "Today";
  if (key === shiftKey(today, -1)) return "Yesterday";
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  // Noon UTC of that calendar day names the same day in every zone's label.
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  return dateTimeFormat("en-GB", sameYear ? { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" } : { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(noon);
}

export type DayGroup<T> = { key: string; items: T[] };

/** Consecutive items (oldest first) split by the viewer's calendar day. */
export function groupByDay<T extends { createdAt: string }>(items: readonly T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const key = dayKey(new Date(item.createdAt), timeZone);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}

/** "14:05" — the hour on the viewer's clock, beside a message. */
export function formatClock(at: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

/** An inbox row's time: "14:05" today, "Yesterday", "23 Nov" this year, "23 Nov 2025" before. */
export function formatInboxTime(at: Date, now: Date, timeZone: string): string {
  const key = dayKey(at, timeZone);
  const today = dayKey(now, timeZone);
  if (key === today) return formatClock(at, timeZone);
  if (key === shiftKey(today, -1)) return "Yesterday";
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  return dateTimeFormat("en-GB", sameYear ? { timeZone, day: "numeric", month: "short" } : { timeZone, day: "numeric", month: "short", year: "numeric" }).format(at);
}
