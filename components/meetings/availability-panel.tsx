"use client";

import { useQuery } from "@tanstack/react-query";
import { cn } from "@/components/ui/cn";
import type { BusyInterval } from "@/lib/meetings/types";
import { formatClock } from "./meeting-time";
import { meetingApi, type AvailabilityQuery } from "./meeting-api";

type Props = {
  query: AvailabilityQuery | null;
  inviteeName: string;
  /** The wall-clock start chosen now, so its chip shows as picked. */
  chosen: string;
  onPick: (startLocal: string) => void;
};

/**
 * The day's busy times (never what they are) and free starts for the chosen length, in the zone the
 * organizer picks the time in; a chip fills the time field.
 */
export function AvailabilityPanel({ query, inviteeName, chosen, onPick }: Props) {
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: ["meeting-availability", query],
    queryFn: async ({ signal }) => {
      const result = await meetingApi.availability(query!, signal);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    enabled: query !== null,
    staleTime: 15_000,
  });
  if (!query) {
    return <p className="text-sm text-slate-600" data-testid="availability-hint">Choose who to meet, a day and a length to see when you are both free.</p>;
  }
  const zone = query.timeZone;
  return (
    <section aria-labelledby="availability-heading" aria-busy={isFetching} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="availability">
      <h3 id="availability-heading" className="text-sm font-medium text-slate-800">
        Availability on that day <span className="font-normal text-slate-600">({zone})</span>
      </h3>
      {isPending ? (
        <p className="mt-2 text-sm text-slate-600" role="status">
          Checking…
        </p>
      ) : error ? (
        <p className="mt-2 text-sm text-red-700" role="status">
          {error.message}
        </p>
      ) : data ? (
        <div className="mt-2 grid gap-3">
          <div className="grid gap-2 sm:grid-cols-2">
            <BusyList label={inviteeName} busy={data.busy.filter((b) => b.who === "invitee")} zone={zone} testId="busy-invitee" />
            <BusyList label="You" busy={data.busy.filter((b) => b.who === "me")} zone={zone} testId="busy-me" />
          </div>
          <div>
            <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">Suggested free times</p>
            {data.suggestions.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">No free time left that day for this length. Try another day.</p>
            ) : (
              <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Suggested times">
                {data.suggestions.map((s) => {
                  const on = s.startLocal === chosen;
                  return (
                    <li key={s.startLocal}>
                      <button
                        type="button"
                        onClick={() => onPick(s.startLocal)}
                        aria-pressed={on}
                        data-testid="slot-suggestion"
                        data-start={s.startLocal}
                        className={cn(
                          "inline-flex h-8 items-center rounded-full px-3 text-sm font-medium ring-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                          on ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-brand-900 ring-brand-100 hover:bg-brand-50",
                        )}
                      >
                        {s.startLocal.slice(11)}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {data.inviteeTimeZone !== zone ? <p className="mt-2 text-xs text-slate-600">{inviteeName} is in {data.inviteeTimeZone}.</p> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function BusyList({ label, busy, zone, testId }: { label: string; busy: BusyInterval[]; zone: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</p>
      {busy.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Free all day</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`${label}: busy times`}>
          {busy.map((b) => (
            <li key={b.startsAt.toISOString()} className="rounded-full bg-slate-200 px-2.5 py-0.5 text-xs text-slate-800">
              Busy {formatClock(b.startsAt, zone)}–{formatClock(b.endsAt, zone)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
