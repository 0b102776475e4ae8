/** One audit row's metadata as a person reads it: what changed (before → after), then the rest. */
import { dateTimeFormat } from "@/lib/intl/formatters";

export type ReadableMetadata = {
  changes: { field: string; before: string; after: string }[];
  details: { field: string; value: string }[];
};

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const localTime = (timeZone: string) =>
  dateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** "2026-12-06 14:03:09" in the reader's zone: sortable, unambiguous, and the same in the table and the CSV. */
export function formatAuditTime(at: Date, timeZone: string): string {
  return localTime(timeZone).format(at);
}

/** "dueAt" → "Due at", "payment_id" → "Payment id". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export function formatValue(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return isoInstant.test(value) && !Number.isNaN(Date.parse(value)) ? formatAuditTime(new Date(value), timeZone) : value;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)) return value.map((item) => formatValue(item, timeZone)).join(", ") || "—";
  return JSON.stringify(value);
}

// What a from/to pair holds, by the action that wrote it (the services write bare from/to).
const changedField: [RegExp, string][] = [
  [/^assignment\.due_date_extended$/, "Due date"],
  [/^meeting\./, "Start"],
  [/^visitor_session\.transferred$/, "Handled by"],
  [/^(invoice|payment|refund|assignment)\./, "Status"],
];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The services write a change either as `from`/`to` (a status, a due date, a meeting's start) or
 * as `before`/`after` objects (several fields at once); both read as before → after, field by
 * field, and only the fields that differ. Everything else is listed as it is.
 */
export function readableMetadata(metadata: Record<string, unknown>, timeZone: string, action = ""): ReadableMetadata {
  const changes: ReadableMetadata["changes"] = [];
  const details: ReadableMetadata["details"] = [];
  const used = new Set<string>();

  if (isRecord(metadata.before) || isRecord(metadata.after)) {
    const before = isRecord(metadata.before) ? metadata.before : {};
    const after = isRecord(metadata.after) ? metadata.after : {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const [was, now] = [formatValue(before[key], timeZone), formatValue(after[key], timeZone)];
      // Compared as read: a field that went from missing to null did not change for anyone.
      if (was !== now) changes.push({ field: fieldLabel(key), before: was, after: now });
    }
    used.add("before").add("after");
  }
  if ("from" in metadata && "to" in metadata && !isRecord(metadata.from) && !isRecord(metadata.to)) {
    const field = typeof metadata.field === "string" ? fieldLabel(metadata.field) : (changedField.find(([pattern]) => pattern.test(action))?.[1] ?? "Value");
    changes.push({ field, before: formatValue(metadata.from, timeZone), after: formatValue(metadata.to, timeZone) });
    used.add("from").add("to").add("field");
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (used.has(key)) continue;
    details.push({ field: fieldLabel(key), value: formatValue(value, timeZone) });
  }
  return { changes, details };
}

/** The same, on one line, for a CSV cell: "Status: submitted → approved; Reason: Late". */
export function metadataLine(metadata: Record<string, unknown>, timeZone: string, action = ""): string {
  const { changes, details } = readableMetadata(metadata, timeZone, action);
  return [...changes.map((c) => `${c.field}: ${c.before} → ${c.after}`), ...details.map((d) => `${d.field}: ${d.value}`)].join("; ");
}
