"use client";

import { Paperclip, SendHorizontal, X } from "lucide-react";
import { useRef, useState, type ClipboardEvent } from "react";
import { formatBytes } from "@/components/files/format-bytes";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MESSAGE_MAX_CHARS, type MessageAttachmentView } from "@/lib/messaging/types";
import type { Upload } from "./use-attachments";

// The counter shows only near the limit, where it matters.
const COUNTER_FROM = MESSAGE_MAX_CHARS - 1_000;

type Props = {
  uploads: Upload[];
  notice: string | null;
  uploading: boolean;
  failed: boolean;
  ready: MessageAttachmentView[];
  onFiles: (files: File[]) => void;
  onRemoveFile: (key: string) => void;
  onSend: (body: string, attachments: MessageAttachmentView[]) => void;
  onTyping: () => void;
};

/** Enter sends, Shift+Enter is a new line; files attach by button, paste or drop, and upload at once. */
export function Composer({ uploads, notice, uploading, failed, ready, onFiles, onRemoveFile, onSend, onTyping }: Props) {
  const [body, setBody] = useState("");
  // Counted as the server counts: characters as a person sees them, not UTF-16 units.
  const length = Array.from(body).length;
  const field = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const tooLong = length > MESSAGE_MAX_CHARS;
  const empty = body.trim().length === 0 && ready.length === 0;
  const blocked = empty || tooLong || uploading || failed;
  const reason = uploading ? "Waiting for uploads to finish" : failed ? "Remove the files that failed to upload" : tooLong ? "The message is too long" : null;

  function send() {
    if (blocked) return;
    onSend(body.trim(), ready);
    setBody("");
    field.current?.focus();
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    onFiles(files);
  }

  return (
    <form
      data-testid="composer"
      aria-label="Write a message"
      className="border-t bg-white px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-4 sm:pb-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      {uploads.length > 0 ? (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label="Files to send">
          {uploads.map((upload) => (
            <li
              key={upload.key}
              data-testid="composer-file"
              data-status={upload.status}
              className={cn("relative w-52 max-w-full overflow-hidden rounded-lg border bg-slate-50 px-2.5 py-1.5 text-xs", upload.status === "failed" && "border-red-300 bg-red-50")}
            >
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate font-medium text-slate-800" title={upload.name}>
                  {upload.name}
                </span>
                <span className="shrink-0 text-slate-500">{formatBytes(upload.size)}</span>
                <button type="button" onClick={() => onRemoveFile(upload.key)} aria-label={`Remove ${upload.name}`} className="-mr-1 shrink-0 rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900">
                  <X aria-hidden="true" className="size-3.5" />
                </button>
              </div>
              {upload.status === "uploading" ? (
                <div role="progressbar" aria-label={`Upload of ${upload.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(upload.progress * 100)} className="mt-1.5 h-1 overflow-hidden rounded-full bg-slate-200">
                  <div className="h-full rounded-full bg-brand-600 transition-[width] duration-150" style={{ width: `${Math.max(4, upload.progress * 100)}%` }} />
                </div>
              ) : null}
              {upload.status === "failed" ? <p className="mt-0.5 text-red-700">{upload.error ?? "Upload failed"}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {notice ? <p className="mb-1 text-xs text-amber-800">{notice}</p> : null}
      <div className="flex items-end gap-2">
        <input
          ref={picker}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            onFiles(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
        <Button variant="ghost" size="icon" aria-label="Attach files" className="shrink-0 text-slate-600" onClick={() => picker.current?.click()}>
          <Paperclip aria-hidden="true" className="size-5" />
        </Button>
        <textarea
          ref={field}
          value={body}
          rows={1}
          placeholder="Write a message…"
          aria-label="Message"
          aria-describedby="composer-help"
          aria-invalid={tooLong ? true : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            if (event.target.value.trim()) onTyping();
          }}
          onPaste={onPaste}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          className="field-sizing-content max-h-48 min-h-10 min-w-0 flex-1 resize-none rounded-xl border border-input bg-white px-3.5 py-2 text-base shadow-xs outline-none placeholder:text-slate-400 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-[invalid=true]:border-destructive sm:text-sm"
        />
        <Button type="submit" size="icon" aria-label="Send message" disabled={blocked} title={reason ?? undefined} className="shrink-0 rounded-full">
          <SendHorizontal aria-hidden="true" className="size-5" />
        </Button>
      </div>
      <div id="composer-help" className="mt-1 flex justify-between gap-2 px-1 text-xs text-slate-500">
        <span className="hidden sm:inline">
          <kbd className="font-sans font-medium">Enter</kbd> to send, <kbd className="font-sans font-medium">Shift + Enter</kbd> for a new line. Paste or drop files to attach.
        </span>
        <span className="sr-only sm:hidden">Enter sends. Shift and Enter adds a new line.</span>
        {reason && !empty ? <span className="ml-auto">{reason}</span> : null}
        {length >= COUNTER_FROM ? (
          <span className={cn("ml-auto tabular-nums", tooLong ? "font-semibold text-red-700" : "text-slate-600")} aria-live="polite">
            {length.toLocaleString("en-GB")} / {MESSAGE_MAX_CHARS.toLocaleString("en-GB")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
