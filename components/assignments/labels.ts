import type { academicLevels, citationStyles } from "@/lib/assignments/schemas";
import { statusLabel } from "@/lib/assignments/status-labels";

export { statusLabel };

export const serviceLabel = { writing: "Writing", homework: "Homework", exam: "Exam" } as const;

export const academicLevelLabel: Record<(typeof academicLevels)[number], string> = {
  high_school: "High school",
  undergraduate: "Undergraduate",
  masters: "Master's",
  doctoral: "Doctoral",
};

export const citationStyleLabel: Record<(typeof citationStyles)[number], string> = {
  apa: "APA",
  mla: "MLA",
  chicago: "Chicago",
  harvard: "Harvard",
  ieee: "IEEE",
  other: "Other",
  none: "None",
};

export const statusTone = {
  submitted: "amber",
  assigned: "blue",
  in_progress: "blue",
  delivered: "green",
  revision_requested: "amber",
  completed: "green",
  cancelled: "gray",
} as const;

// Derived from the label maps so client components need not import the server schema module.
export const academicLevelOptions = Object.keys(academicLevelLabel) as (keyof typeof academicLevelLabel)[];
export const citationStyleOptions = Object.keys(citationStyleLabel) as (keyof typeof citationStyleLabel)[];
