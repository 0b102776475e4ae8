import type { FieldErrors } from "@/lib/errors";

type Form = Record<string, string | string[]>;

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/**
 * The settings form's flat fields as the service's input: a day is open when its box is ticked
 * (`open-<day>`, with `opens-<day>`/`closes-<day>`), canned replies are one per line. The zod
 * schema in updateVisitorChatSettings decides what is valid; only backwards hours are named per day here.
 */
export function settingsFormToInput(form: Form): { input: Record<string, unknown>; dayErrors: FieldErrors } {
  const weeklyHours: { day: number; open: string; close: string }[] = [];
  const dayErrors: FieldErrors = {};
  for (let day = 0; day < 7; day += 1) {
    if (!form[`open-${day}`]) continue;
    const open = text(form[`opens-${day}`]).trim();
    const close = text(form[`closes-${day}`]).trim();
    if (open && close && open >= close) dayErrors[`hours-${day}`] = [`${DAY_NAMES[day]}: closing time must be after opening time`];
    weeklyHours.push({ day, open, close });
  }
  const cannedReplies = text(form.cannedReplies)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return {
    input: { timeZone: text(form.timeZone), weeklyHours, awayMessage: text(form.awayMessage), requireEmail: form.requireEmail ? "on" : "off", cannedReplies },
    dayErrors,
  };
}
