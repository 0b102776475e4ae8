import { Pin } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { AnnouncementView } from "@/lib/announcements/queries";
import { formatDateTime } from "@/lib/time/format";
import { MarkdownBody } from "./markdown-body";

/** Each announcement in full, newest first (pinned current ones on top), with its dates in the reader's zone. */
export function AnnouncementList({ rows, timeZone }: { rows: AnnouncementView[]; timeZone: string }) {
  return (
    <ol className="grid gap-4" aria-label="Announcements">
      {rows.map((row) => (
        <li key={row.id}>
          <article id={`announcement-${row.id}`} aria-labelledby={`announcement-${row.id}-title`} className="scroll-mt-20 rounded-lg border bg-card p-4" data-testid="announcement-item">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`announcement-${row.id}-title`} className="text-base font-semibold">
                {row.title}
              </h2>
              {row.pinned && !row.expired ? (
                <Badge tone="blue">
                  <Pin aria-hidden="true" />
                  Pinned
                </Badge>
              ) : null}
              {row.severity === "warning" ? <Badge tone="amber">Important</Badge> : null}
              {row.expired ? <Badge tone="gray">Expired</Badge> : null}
            </div>
            <p className="mt-1 text-xs text-slate-600">
              Published {formatDateTime(new Date(row.publishedAt), timeZone)}
              {row.editedAt ? ` · edited ${formatDateTime(new Date(row.editedAt), timeZone)}` : ""}
            </p>
            <MarkdownBody html={row.html} className="mt-2" />
          </article>
        </li>
      ))}
    </ol>
  );
}
