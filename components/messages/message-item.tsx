"use client";

import { AlertCircle } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatDateTimeLong } from "@/lib/time/format";
import { formatClock } from "./day-groups";
import { MessageActions } from "./message-actions";
import { MessageAttachments } from "./message-attachments";
import { MessageBody } from "./message-body";
import { MessageEditor } from "./message-editor";
import type { ClientMessage } from "./message-store";

type Props = {
  message: ClientMessage;
  own: boolean;
  /** The first of a run by one author: shows the name and time above. */
  startsRun: boolean;
  timeZone: string;
  canChange: boolean;
  seenBy?: string[];
  onRetry: () => void;
  onDiscard: () => void;
  onEdit: (body: string) => Promise<string | null>;
  onDelete: () => Promise<void>;
};

export function MessageItem({ message, own, startsRun, timeZone, canChange, seenBy, onRetry, onDiscard, onEdit, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const at = new Date(message.createdAt);
  const deleted = message.deletedAt !== null;
  const time = (
    <time dateTime={message.createdAt} title={formatDateTimeLong(at, timeZone)}>
      {formatClock(at, timeZone)}
    </time>
  );
  return (
    <div
      data-testid="message"
      data-seq={message.status === "sent" ? message.seq : undefined}
      data-status={message.status}
      data-own={own ? "true" : "false"}
      className={cn("group flex flex-col", own ? "items-end" : "items-start", startsRun ? "mt-3" : "mt-0.5")}
    >
      {startsRun ? (
        <p className="mb-1 flex items-baseline gap-2 px-1 text-xs text-slate-500">
          {own ? null : <span className="font-semibold text-slate-800">{message.author.name}</span>}
          {time}
        </p>
      ) : (
        <span className="sr-only">
          {own ? "You" : message.author.name}, {formatClock(at, timeZone)}
        </span>
      )}
      {editing ? (
        <MessageEditor
          initial={message.body}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            const failure = await onEdit(body);
            if (!failure) setEditing(false);
            return failure;
          }}
        />
      ) : (
        <div className={cn("flex max-w-[min(36rem,85%)] items-center gap-1", own && "flex-row-reverse")}>
          {deleted ? (
            <p className="rounded-2xl border border-dashed border-slate-300 px-3.5 py-2 text-sm text-slate-500 italic">Message deleted</p>
          ) : message.body === "" ? (
            // A message of files only: the files below are the whole of it.
            <span className="sr-only">{own ? "You sent files" : `${message.author.name} sent files`}</span>
          ) : (
            <div className={cn("min-w-0 rounded-2xl px-3.5 py-2", own ? "rounded-br-md bg-brand-600 text-white" : "rounded-bl-md bg-slate-100 text-slate-900", message.status === "sending" && "opacity-70", message.status === "failed" && "bg-red-50 text-red-950 ring-1 ring-red-300")}>
              {own ? <span className="sr-only">You: </span> : null}
              <MessageBody body={message.body} own={own && message.status !== "failed"} />
            </div>
          )}
          {canChange && !deleted ? <MessageActions onEdit={() => setEditing(true)} onDelete={onDelete} /> : null}
        </div>
      )}
      {!deleted ? <MessageAttachments attachments={message.attachments} own={own} /> : null}
      {message.editedAt && !deleted ? <p className="mt-0.5 px-1 text-xs text-slate-500">(edited)</p> : null}
      {message.status === "sending" ? <p className="mt-0.5 px-1 text-xs text-slate-500">Sending…</p> : null}
      {message.status === "failed" ? (
        <p role="alert" className="mt-1 flex flex-wrap items-center justify-end gap-x-2 px-1 text-xs text-red-700">
          <AlertCircle aria-hidden="true" className="size-3.5" />
          <span>Failed{message.error ? ` — ${message.error}` : ""}</span>
          <button type="button" onClick={onRetry} className="font-semibold underline underline-offset-2 hover:text-red-900">
            Retry
          </button>
          <button type="button" onClick={onDiscard} className="text-slate-600 underline underline-offset-2 hover:text-slate-900">
            Discard
          </button>
        </p>
      ) : null}
      {seenBy?.length ? (
        <p data-testid="seen-by" className="mt-1 px-1 text-xs text-slate-500">
          Seen by {seenBy.join(", ")}
        </p>
      ) : null}
    </div>
  );
}
