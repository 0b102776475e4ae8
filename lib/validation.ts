import { z } from "zod";
import type { FieldErrors } from "./errors";

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

export const UNSAVABLE_TEXT_MESSAGE = "Contains characters that cannot be saved (a NUL or text that was not valid UTF-8). Retype it.";

// PostgreSQL text cannot hold NUL, and U+FFFD is what bytes that were not UTF-8 decode to: no
// keyboard types either, so a value carrying one was not typed and is refused, never stored.
const unsavable = /[\u0000\uFFFD]/;

/** The fields (by their path, "items.2.description") whose text cannot be saved as typed. */
export function unsavableTextFields(input: unknown, path: string[] = []): FieldErrors {
  const found: FieldErrors = {};
  if (typeof input === "string") {
    if (unsavable.test(input)) found[path.length > 0 ? path.join(".") : "_form"] = [UNSAVABLE_TEXT_MESSAGE];
  } else if (Array.isArray(input)) {
    // A repeated form field is one field: its messages show beside it, not beside an index.
    input.forEach((item, index) => Object.assign(found, unsavableTextFields(item, typeof item === "object" && item !== null ? [...path, String(index)] : path)));
  } else if (typeof input === "object" && input !== null && !(input instanceof Uint8Array)) {
    for (const [key, value] of Object.entries(input)) Object.assign(found, unsavableTextFields(value, [...path, key]));
  }
  return found;
}

/** Parses unknown input (a form or JSON) keeping every field's messages, not only the first. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const unsavableFields = unsavableTextFields(input);
  if (Object.keys(unsavableFields).length > 0) return { ok: false, fieldErrors: unsavableFields };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const flat = z.flattenError(result.error);
  const fieldErrors: FieldErrors = { ...flat.fieldErrors };
  if (flat.formErrors.length > 0) fieldErrors._form = flat.formErrors;
  return { ok: false, fieldErrors };
}

/**
 * Form fields as plain strings; repeated names become arrays. Anything but a form (a hand-made
 * call to an action with other arguments) reads as an empty form, which the schema then refuses.
 */
export function formToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!(formData instanceof FormData)) return out;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : value.name;
    const existing = out[key];
    if (existing === undefined) out[key] = text;
    else out[key] = Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return out;
}

export const emailSchema = z
  .string({ error: "Enter your email" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ error: "Enter a valid email address" }));

const markup = /[<>]/;

export const personNameSchema = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(120, "Name must be at most 120 characters")
  .refine((value) => !markup.test(value), "Name cannot contain < or >");

export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((value) => !markup.test(value), `${label} cannot contain < or >`)
    .optional()
    .transform((value) => (value ? value : null));
}
