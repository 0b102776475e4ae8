import { FileText } from "lucide-react";
import { formatBytes } from "@/components/files/format-bytes";
import { cn } from "@/components/ui/cn";
import type { MessageAttachmentView } from "@/lib/messaging/types";

/** A message's files as download links, each with its size. */
export function MessageAttachments({ attachments, own }: { attachments: MessageAttachmentView[]; own: boolean }) {
  if (attachments.length === 0) return null;
  return (
    <ul className={cn("mt-1.5 flex flex-col gap-1", own ? "items-end" : "items-start")} aria-label="Attachments">
      {attachments.map((file) => (
        <li key={file.id} className="max-w-full">
          <a
            href={file.url}
            download={file.name}
            className="flex max-w-full items-center gap-2 rounded-lg border bg-white px-3 py-2 text-sm text-slate-800 shadow-xs outline-none hover:bg-slate-50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
            data-testid="message-attachment"
          >
            <FileText aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
            <span className="min-w-0 truncate font-medium">{file.name}</span>
            <span className="shrink-0 text-xs text-slate-500">{formatBytes(file.size)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
