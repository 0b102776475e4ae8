import { zonedTimeToInstant } from "@/lib/assignments/time-zone";
import type { FieldErrors } from "@/lib/errors";

type Timing = { publishAt: Date; expiresAt: Date | null };

/**
 * Reads the wall-clock fields in the admin's zone. A scheduled time must lie ahead, and an expiry
 * after the announcement goes out (and after now, or it would never be seen).
 */
export function readTiming(
  form: { timeZone: string; publishAtLocal?: string; expiresAtLocal?: string },
  options: { publishNow: boolean; currentPublishAt?: Date; now: Date },
): { ok: true; timing: Timing } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  let publishAt = options.publishNow ? options.now : (options.currentPublishAt ?? options.now);
  if (!options.publishNow && form.publishAtLocal) {
    const at = zonedTimeToInstant(form.publishAtLocal, form.timeZone);
    if (!at) fieldErrors.publishAtLocal = ["Pick a date and time that exists"];
    else if (at <= options.now) fieldErrors.publishAtLocal = ["Pick a time in the future, or publish now"];
    else publishAt = at;
  }
  let expiresAt: Date | null = null;
  if (form.expiresAtLocal) {
    const at = zonedTimeToInstant(form.expiresAtLocal, form.timeZone);
    if (!at) fieldErrors.expiresAtLocal = ["Pick a date and time that exists"];
    else if (at <= options.now || at <= publishAt) fieldErrors.expiresAtLocal = ["The expiry must come after the announcement goes out"];
    else expiresAt = at;
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, timing: { publishAt, expiresAt } };
}
