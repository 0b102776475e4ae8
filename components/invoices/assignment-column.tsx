import type { ColumnDef } from "@/components/ui/data-table";

type WithAssignment = { assignmentCode: string; assignmentTitle: string };

/** The assignment an invoice is for, as every invoice table shows it: code, then the title cut to fit. */
export function assignmentColumn<T extends WithAssignment>(): ColumnDef<T> {
  return {
    id: "assignment",
    header: "Assignment",
    cell: ({ row }) => (
      <span className="block max-w-[18rem] truncate" title={row.original.assignmentTitle}>
        <span className="font-mono text-xs">{row.original.assignmentCode}</span> · {row.original.assignmentTitle}
      </span>
    ),
  };
}
