import { formatDate } from "@/lib/time/format";

/** An invoice's due day ("13 Dec 2026"): a calendar date kept as written, no zone shifts it. */
export const dueDay = (day: string) => formatDate(new Date(`${day}T00:00:00Z`), "UTC");
