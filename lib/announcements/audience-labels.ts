import type { audienceKinds } from "./schemas";

/** How the audience kinds read in forms and lists (plain data, safe in client components). */
export const audienceLabel: Record<(typeof audienceKinds)[number], string> = {
  everyone: "Everyone",
  students: "Students",
  teachers: "Teachers",
  staff: "Staff (CS reps and admins)",
  users: "Chosen people",
};
