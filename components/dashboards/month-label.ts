import { dateTimeFormat } from "@/lib/intl/formatters";

/** "2026-03" → "Mar 2026" (short, for the axis) or "March 2026" (long, for the table); the month as the viewer's calendar has it. */
export function monthLabel(month: string, style: "short" | "long" = "short"): string {
  const [year, index] = month.split("-").map(Number);
  if (!year || !index) return month;
  return dateTimeFormat("en-GB", { timeZone: "UTC", month: style, year: "numeric" }).format(new Date(Date.UTC(year, index - 1, 1)));
}
