import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;
/** Rows read per query while a CSV export streams: a batch is all the export holds at once. */
export const AUDIT_EXPORT_BATCH = 500;

// A filter from the URL that cannot be read is dropped, as on the other lists; text that could
// not have been typed (NUL, U+FFFD from invalid UTF-8) never reaches a query.
const typed = /^[^\u0000\uFFFD]*$/;
const searchText = z
  .string()
  .trim()
  .max(100)
  .regex(typed)
  .transform((value) => value || undefined)
  .optional()
  .catch(undefined);
// Actions and target types are dotted snake_case names written by the code (lib/audit/record-audit.ts).
const codeName = z
  .string()
  .trim()
  .max(80)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/)
  .optional()
  .catch(undefined);

/** A calendar day as a date field sends it (YYYY-MM-DD), and only a day that exists. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [year, month, date] = value.split("-").map(Number) as [number, number, number];
    const check = new Date(Date.UTC(year, month - 1, date));
    return year >= 2000 && year <= 9999 && check.getUTCMonth() === month - 1 && check.getUTCDate() === date;
  })
  .optional()
  .catch(undefined);

/** The position after a page's last row: its created_at (to the microsecond, as stored) and id. */
export type AuditCursor = { at: string; id: number };

const cursorText = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|(\d{1,15})$/;

export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): AuditCursor | undefined {
  if (value.length > 100) return undefined;
  const match = cursorText.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match || Number.isNaN(Date.parse(match[1]!))) return undefined;
  return { at: match[1]!, id: Number(match[2]) };
}

export const auditLogQuerySchema = z.object({
  /** Who did it: name, email or public ID (STU-000012). */
  actor: searchText,
  action: codeName,
  targetType: codeName,
  /** A target's id, or its public code: ASG-000123, INV-2026-00012, a user's public ID. */
  target: searchText,
  /** Days in the admin's time zone, both ends included. */
  from: day,
  to: day,
  cursor: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => (value ? decodeCursor(value) : undefined)),
});

export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

/** The filters as URL parameters (no cursor): the page's form, its links and the export share them. */
export function auditFilterParams(query: AuditLogQuery): Record<string, string | undefined> {
  return { actor: query.actor, action: query.action, targetType: query.targetType, target: query.target, from: query.from, to: query.to };
}

export const isAuditFiltered = (query: AuditLogQuery) => Object.values(auditFilterParams(query)).some(Boolean);
