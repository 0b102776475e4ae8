import { z } from "zod";
import type { FieldErrors } from "./errors";

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** Parses unknown input (a form or JSON) keeping every field's messages, not only the first. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
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
