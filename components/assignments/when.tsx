import { formatDate, formatDateTime, formatDateTimeLong, formatRelative } from "@/lib/time/format";
import { instantToZonedTime } from "@/lib/assignments/time-zone";

type Props = {
  at: Date;
  timeZone: string;
  /** Kept for older callers: every moment now carries its zone's abbreviation. */
  withZone?: boolean;
  /** "13 Dec 2026" instead of the full moment, when the hour does not matter. */
  dateOnly?: boolean;
  /** Adds "(in 3 days)" after the moment. */
  relativeTo?: Date;
};

/** A moment in the viewer's time zone, in the product's one format ("13 Dec 2026, 17:00 EST"). */
export function When({ at, timeZone, dateOnly = false, relativeTo }: Props) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTimeLong(at, timeZone)}>
      {dateOnly ? formatDate(at, timeZone) : formatDateTime(at, timeZone)}
      {relativeTo ? ` (${formatRelative(at, relativeTo)})` : null}
    </time>
  );
}

/** The value a datetime-local field shows for `at` in `timeZone` ("2026-03-14T17:00"). */
export function toLocalInput(at: Date, timeZone: string): string {
  return instantToZonedTime(at, timeZone);
}
