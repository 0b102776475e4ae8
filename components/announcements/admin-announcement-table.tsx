import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { audienceLabel } from "@/lib/announcements/audience-labels";
import type { AdminAnnouncementRow, AdminAnnouncementState } from "@/lib/announcements/queries";
import { formatDateTime } from "@/lib/time/format";

export const stateBadge: Record<AdminAnnouncementState, { label: string; tone: "green" | "blue" | "gray" | "red" }> = {
  live: { label: "Live", tone: "green" },
  scheduled: { label: "Scheduled", tone: "blue" },
  expired: { label: "Expired", tone: "gray" },
  unpublished: { label: "Unpublished", tone: "red" },
};

/** Every announcement for admins, each title leading to its edit page. */
export function AdminAnnouncementTable({ rows, timeZone }: { rows: AdminAnnouncementRow[]; timeZone: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Title</TableHead>
          <TableHead>For</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Goes out / went out</TableHead>
          <TableHead>Expires</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="admin-announcement-row">
            <TableCell className="max-w-xs whitespace-normal">
              <Link href={`/admin/announcements/${row.id}`} className="font-medium text-brand-700 underline">
                {row.title}
              </Link>
              <span className="block text-xs text-slate-600">
                {[row.pinned ? "Pinned" : null, row.severity === "warning" ? "Warning" : null, row.editedAt ? "Edited" : null, row.authorName ? `by ${row.authorName}` : null].filter(Boolean).join(" · ")}
              </span>
            </TableCell>
            <TableCell>{audienceLabel[row.audience]}</TableCell>
            <TableCell>
              <Badge tone={stateBadge[row.state].tone}>{stateBadge[row.state].label}</Badge>
            </TableCell>
            <TableCell>{formatDateTime(new Date(row.publishAt), timeZone)}</TableCell>
            <TableCell>{row.expiresAt ? formatDateTime(new Date(row.expiresAt), timeZone) : "Never"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
