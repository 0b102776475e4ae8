import type { AssignmentStatus } from "./types";

/** A status in the words the UI shows, for badges, filters, the timeline and every message alike. */
export const statusLabel = {
  submitted: "Waiting for a teacher",
  assigned: "Teacher assigned",
  in_progress: "In progress",
  delivered: "Delivered",
  revision_requested: "Revision requested",
  completed: "Completed",
  cancelled: "Cancelled",
} as const satisfies Record<AssignmentStatus, string>;
