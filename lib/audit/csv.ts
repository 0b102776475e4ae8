import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { roleLabel } from "@/lib/auth/roles";
import { recordAudit } from "./record-audit";
import { formatAuditTime, metadataLine } from "./metadata";
import { prepareAuditQuery, readAuditBatch, type AuditEntry } from "./queries";
import { AUDIT_EXPORT_BATCH, auditFilterParams, type AuditCursor, type AuditLogQuery } from "./schemas";

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection");
// tab and CR count because some programs strip them and read what follows.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field: neutralized (a leading apostrophe makes a would-be formula plain text), then
 * quoted per RFC 4180 when it holds a quote, comma or line break, with quotes doubled.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export function csvRecord(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function auditCsvHeader(timeZone: string): string {
  return csvRecord([`Time (${timeZone})`, "Time (UTC)", "Actor", "Actor role", "Actor public ID", "Action", "Target type", "Target ID", "Target", "Target link", "IP", "Details", "Metadata (JSON)"]);
}

export function auditCsvRow(row: AuditEntry, timeZone: string, origin: string): string {
  return csvRecord([
    formatAuditTime(row.at, timeZone),
    row.at.toISOString(),
    row.actor ? row.actor.name : "System",
    row.actor ? roleLabel[row.actor.role] : "",
    row.actor?.publicId ?? "",
    row.action,
    row.target.type,
    row.target.id,
    row.target.label,
    row.target.href ? `${origin}${row.target.href}` : "",
    row.ip,
    metadataLine(row.metadata, timeZone, row.action),
    JSON.stringify(row.metadata),
  ]);
}

type ExportOptions = { origin: string; batchSize?: number };

/**
 * The filtered log as a CSV stream. Authorized and resolved before the first byte; then each
 * pull reads the next keyset batch, so memory holds one batch whatever the log's size, and a
 * reader that stops (a cancelled download) stops the reads. The export itself is audited: a copy
 * of the trail leaving the app is worth a line in it.
 */
export async function auditCsvStream(db: Database, actor: Actor, query: AuditLogQuery, options: ExportOptions): Promise<ReadableStream<Uint8Array>> {
  const prepared = await prepareAuditQuery(db, actor, query);
  const filters = Object.fromEntries(Object.entries(auditFilterParams(query)).filter(([, value]) => value !== undefined));
  await db.transaction((tx) => recordAudit(tx, actor, { action: "audit_log.exported", targetType: "audit_log", metadata: { filters } }));
  const batchSize = options.batchSize ?? AUDIT_EXPORT_BATCH;
  const encoder = new TextEncoder();
  let cursor: AuditCursor | undefined;
  let started = false;
  let finished = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          // A byte-order mark, so spreadsheet programs read the names as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${auditCsvHeader(prepared.timeZone)}`));
          return;
        }
        if (finished) return;
        const rows = await readAuditBatch(db, prepared, cursor, batchSize);
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => auditCsvRow(row, prepared.timeZone, options.origin)).join("")));
        const last = rows.at(-1);
        if (rows.length < batchSize || !last) {
          finished = true;
          controller.close();
          return;
        }
        cursor = { at: last.cursorAt, id: last.id };
      },
    },
    // One batch ahead at most: the next read waits until the client has taken the last.
    { highWaterMark: 1 },
  );
}
