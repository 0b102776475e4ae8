"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import type { AuditLogPage } from "@/lib/audit/queries";
import { roleLabel } from "@/lib/auth/roles";
import { AuditDetails } from "./audit-details";

type Row = AuditLogPage["rows"][number];

function When({ row }: { row: Row }) {
  return (
    <time dateTime={row.at.toISOString()} className="whitespace-nowrap tabular-nums">
      {row.when}
    </time>
  );
}

function Who({ row }: { row: Row }) {
  if (!row.actor) return <span className="text-slate-600">System</span>;
  return (
    <span className="grid">
      <span className="font-medium text-slate-900">{row.actor.name}</span>
      <span className="text-xs text-slate-600">
        {roleLabel[row.actor.role]} · <span className="font-mono">{row.actor.publicId}</span>
      </span>
    </span>
  );
}

function Target({ row }: { row: Row }) {
  const { label, href } = row.target;
  return href ? (
    <Link href={href} className="font-medium text-blue-700 underline-offset-2 hover:underline [overflow-wrap:anywhere]">
      {label}
    </Link>
  ) : (
    <span className="[overflow-wrap:anywhere]">{label}</span>
  );
}

const Action = ({ row }: { row: Row }) => <code className="text-xs whitespace-nowrap text-slate-900">{row.action}</code>;

// Module-level and stable: the cells depend on the row alone.
const columns: ColumnDef<Row>[] = [
  { id: "when", header: "When", enableSorting: false, cell: ({ row }) => <When row={row.original} /> },
  { id: "actor", header: "Actor", enableSorting: false, cell: ({ row }) => <Who row={row.original} /> },
  { id: "action", header: "Action", enableSorting: false, cell: ({ row }) => <Action row={row.original} /> },
  { id: "target", header: "Target", enableSorting: false, cell: ({ row }) => <Target row={row.original} /> },
  { id: "ip", header: "IP", enableSorting: false, cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? "—"}</span> },
  { id: "details", header: "Details", enableSorting: false, cell: ({ row }) => <AuditDetails details={row.original.details} /> },
];

/** One page of the log, newest first (the order is the log's own, so headers do not sort). Cards on phones. */
export function AuditTable({ rows, empty }: { rows: Row[]; empty: ReactNode }) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Audit log"
      getRowId={(row) => String(row.id)}
      rowTestId="audit-row"
      rowData={(row) => ({ "data-action": row.action })}
      empty={empty}
      renderCard={(row) => (
        <div className="grid min-w-0 gap-2 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Action row={row} />
            <span className="text-xs text-slate-600">
              <When row={row} />
            </span>
          </div>
          <Who row={row} />
          <p>
            <span className="text-slate-600">Target: </span>
            <Target row={row} />
          </p>
          <AuditDetails details={row.details} />
          {row.ip ? <p className="font-mono text-xs text-slate-600">IP {row.ip}</p> : null}
        </div>
      )}
    />
  );
}
