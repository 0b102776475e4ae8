"use client";

import { useActionState, useEffect, useRef } from "react";
import { toast } from "sonner";
import { saveWidgetSettingsAction } from "@/app/(portal)/admin/settings/widget/actions";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import type { VisitorChatSettingsView } from "@/lib/visitor-chat/settings";
import { DAY_NAMES } from "@/lib/visitor-chat/settings-form";

const idle: FormState<VisitorChatSettingsView> = { status: "idle" };
// Monday first, as people read a working week.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** Hours, time zone, away message, required email and canned replies; errors sit beside their fields. */
export function WidgetSettingsForm({ settings, timeZones }: { settings: VisitorChatSettingsView; timeZones: string[] }) {
  const [state, action] = useActionState(saveWidgetSettingsAction, idle);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  useEffect(() => {
    if (state.status === "success") toast.success("Widget settings saved");
  }, [state]);
  const errors = state.fieldErrors ?? {};
  // After a refused save the form shows what was typed, not what is stored.
  const typed = state.status === "error" ? state.values : undefined;
  const saved = state.status === "success" && state.data ? state.data : settings;
  const hoursOf = (day: number) => saved.weeklyHours.find((h) => h.day === day);
  const weekErrors = errors.weeklyHours;
  return (
    <form ref={form} action={action} noValidate className="grid grid-cols-[minmax(0,1fr)] gap-6" data-testid="widget-settings-form" key={saved.updatedAt}>
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <SelectField label="Time zone" name="timeZone" defaultValue={typed?.timeZone ?? saved.timeZone} errors={errors.timeZone} hint="Business hours below are in this zone; daylight saving is followed.">
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </SelectField>

      <fieldset aria-describedby={weekErrors?.length ? "weekly-hours-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Business hours</legend>
        <p className="mt-1 text-xs text-slate-500">Outside these hours, or when no CS rep has the console open, the widget shows the away message and takes questions with an email.</p>
        <div className="mt-2 divide-y rounded-lg border">
          {WEEK_ORDER.map((day) => {
            const hours = hoursOf(day);
            const open = typed ? typed[`open-${day}`] !== undefined : Boolean(hours);
            const dayError = errors[`hours-${day}`];
            return (
              <div key={day} className="grid gap-2 px-3 py-2.5 sm:grid-cols-[10rem_1fr] sm:items-center" data-testid={`hours-${day}`}>
                <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                  <input type="checkbox" name={`open-${day}`} defaultChecked={open} className="size-4 rounded border-input accent-brand-600" />
                  {DAY_NAMES[day]}
                </label>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <label className="sr-only" htmlFor={`opens-${day}`}>
                    {DAY_NAMES[day]} opens at
                  </label>
                  <input
                    id={`opens-${day}`}
                    type="time"
                    name={`opens-${day}`}
                    defaultValue={typed?.[`opens-${day}`] ?? hours?.open ?? "09:00"}
                    aria-invalid={dayError ? true : undefined}
                    aria-describedby={dayError ? `hours-${day}-error` : undefined}
                    className="h-10 rounded-md border border-input bg-background px-2 shadow-xs aria-[invalid=true]:border-destructive"
                  />
                  <span aria-hidden="true">to</span>
                  <label className="sr-only" htmlFor={`closes-${day}`}>
                    {DAY_NAMES[day]} closes at
                  </label>
                  <input
                    id={`closes-${day}`}
                    type="time"
                    name={`closes-${day}`}
                    defaultValue={typed?.[`closes-${day}`] ?? (hours?.close === "24:00" ? "23:59" : hours?.close) ?? "17:00"}
                    aria-invalid={dayError ? true : undefined}
                    className="h-10 rounded-md border border-input bg-background px-2 shadow-xs aria-[invalid=true]:border-destructive"
                  />
                  {dayError ? (
                    <p id={`hours-${day}-error`} className="w-full text-sm text-red-700" data-testid={`error-hours-${day}`}>
                      {dayError.join(" ")}
                    </p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
        {weekErrors?.length ? (
          <p id="weekly-hours-error" className="mt-1 text-sm text-red-700">
            {weekErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <TextareaField label="Away message" name="awayMessage" rows={3} maxLength={500} defaultValue={typed?.awayMessage ?? saved.awayMessage} errors={errors.awayMessage} hint="Shown to visitors when nobody can answer live. At most 500 characters." />

      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="requireEmail" defaultChecked={typed ? typed.requireEmail !== undefined : saved.requireEmail} className="size-4 rounded border-input accent-brand-600" />
          Require an email before chatting
        </label>
        <p className="mt-1 pl-6 text-xs text-slate-500">Offline questions always ask for one, so a CS rep can write back.</p>
        {errors.requireEmail?.length ? <p className="mt-1 text-sm text-red-700">{errors.requireEmail.join(" ")}</p> : null}
      </div>

      <TextareaField
        label="Canned replies"
        name="cannedReplies"
        rows={6}
        defaultValue={typed?.cannedReplies !== undefined ? typed.cannedReplies : saved.cannedReplies.join("\n")}
        errors={errors.cannedReplies}
        hint="One per line, at most 20 of up to 300 characters. CS reps pick them in the conversation and can edit before sending."
      />

      <div>
        <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
