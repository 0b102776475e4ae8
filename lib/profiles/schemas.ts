import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";
import { optionalText, personNameSchema } from "@/lib/validation";

export const profileUpdateSchema = z.object({
  fullName: personNameSchema,
  phone: z
    .string()
    .trim()
    .max(32, "Phone must be at most 32 characters")
    .refine((value) => value === "" || /^\+?[0-9 ()\-.]{5,32}$/.test(value), "Enter a phone number with digits, spaces, + ( ) - .")
    .optional()
    .transform((value) => (value ? value : null)),
  timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list"),
  school: optionalText(120, "School"),
  level: optionalText(60, "Level"),
  subjects: optionalText(300, "Subjects"),
  bio: optionalText(2000, "Bio"),
  availabilityNote: optionalText(300, "Availability"),
  title: optionalText(80, "Title"),
});

export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export function splitSubjects(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))].slice(0, 20);
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}
