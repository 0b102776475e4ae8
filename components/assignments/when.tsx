import { formatInTimeZone } from "@/lib/assignments/time-zone";

function short(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
}

/** A moment in the viewer's time zone; the zone is named in full, or in the tooltip when short. */
export function When({ at, timeZone, withZone = false }: { at: Date; timeZone: string; withZone?: boolean }) {
  const full = formatInTimeZone(at, timeZone);
  return (
    <time dateTime={at.toISOString()} title={full}>
      {withZone ? full : short(at, timeZone)}
    </time>
  );
}

/** The value a datetime-local field shows for `at` in `timeZone` ("2026-03-14T17:00"). */
export function toLocalInput(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
