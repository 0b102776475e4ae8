"use client";

import { Field, SelectField } from "@/components/ui/field";
import { zonedTimeToInstant } from "@/lib/assignments/time-zone";
import { formatMeetingRange } from "./meeting-time";
import { durationLabel, meetingDurations } from "./labels";

export type StartValue = { day: string; time: string; timeZone: string; durationMinutes: number };

type Props = {
  value: StartValue;
  onChange: (value: StartValue) => void;
  timeZones: string[];
  /** The viewer's profile zone, named in the zone field's hint. */
  profileZone: string;
  errors: Record<string, string[] | undefined>;
  /** The duration is fixed when only the start moves (a proposal keeps the meeting's length). */
  fixedDuration?: boolean;
  /** Another person whose reading of the time is shown under it. */
  other?: { name: string; timeZone: string } | null;
  /** Where the form's fields post to, when the inputs sit outside the form element. */
  form?: string;
  /** Between the day/length/zone row and the time: the availability panel. */
  children?: React.ReactNode;
};

/** "2026-12-01T14:30" from the day and time fields, or "" while either is empty. */
export function startLocalOf(value: StartValue): string {
  return value.day && value.time ? `${value.day}T${value.time}` : "";
}

/**
 * Day, length and zone, then the start time; posted as `startLocal` + `timeZone` + `durationMinutes`
 * as the schemas read them. The other person's reading of the chosen time sits under it.
 */
export function StartFields({ value, onChange, timeZones, profileZone, errors, fixedDuration = false, other, form, children }: Props) {
  const startLocal = startLocalOf(value);
  const startsAt = startLocal ? zonedTimeToInstant(startLocal, value.timeZone) : null;
  const endsAt = startsAt ? new Date(startsAt.getTime() + value.durationMinutes * 60_000) : null;
  const set = (patch: Partial<StartValue>) => onChange({ ...value, ...patch });
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Day" name="day" type="date" form={form} value={value.day} onChange={(e) => set({ day: e.target.value })} errors={errors.date} />
        {fixedDuration ? null : (
          <SelectField label="Length" name="durationMinutes" form={form} value={String(value.durationMinutes)} onChange={(e) => set({ durationMinutes: Number(e.target.value) })} errors={errors.durationMinutes}>
            {meetingDurations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {durationLabel(minutes)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label="Time zone"
          name="timeZone"
          form={form}
          value={value.timeZone}
          onChange={(e) => set({ timeZone: e.target.value })}
          errors={errors.timeZone}
          hint={value.timeZone === profileZone ? "Your profile's zone" : `Your profile's zone is ${profileZone}`}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
      </div>
      {children}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Start time"
          name="time"
          type="time"
          step={300}
          form={form}
          value={value.time}
          onChange={(e) => set({ time: e.target.value })}
          errors={errors.startLocal}
          hint={
            startsAt && endsAt && other && other.timeZone !== value.timeZone ? (
              <span data-testid="other-zone-time">
                For {other.name}: {formatMeetingRange(startsAt, endsAt, other.timeZone)} ({other.timeZone})
              </span>
            ) : undefined
          }
        />
      </div>
      <input type="hidden" name="startLocal" value={startLocal} form={form} />
      {fixedDuration ? <input type="hidden" name="durationMinutes" value={value.durationMinutes} form={form} /> : null}
    </div>
  );
}
