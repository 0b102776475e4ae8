"use client";

import { Upload as UploadIcon } from "lucide-react";
import { useEffect, useState, type DragEvent } from "react";
import { toast } from "sonner";
import { MESSAGE_EDIT_WINDOW_MINUTES, type MessagePage, type ThreadView } from "@/lib/messaging/types";
import { Composer } from "./composer";
import { MessageItem } from "./message-item";
import { MessageList } from "./message-list";
import { seenByPosition } from "./read-receipts";
import { ThreadHeader } from "./thread-header";
import { useAttachments } from "./use-attachments";
import { useNow } from "./use-now";
import { typingText, useTyping } from "./use-typing";
import { useThreadMessages } from "./use-thread-messages";

// A run of messages by one author stays one block unless this much time passes between them.
const RUN_GAP_MS = 5 * 60_000;
const EDIT_WINDOW_MS = MESSAGE_EDIT_WINDOW_MINUTES * 60_000;

type Props = { thread: ThreadView; initial: MessagePage; timeZone: string };

/** The whole open thread: header, live message list, and the composer (or why there is none). */
export function ThreadScreen({ thread, initial, timeZone }: Props) {
  const me = thread.participants.find((p) => p.id === thread.viewer.id);
  const viewer = { id: thread.viewer.id, name: me?.name ?? "You", role: me?.role ?? "student" };
  const { state, reads, send, retry, discard, edit, remove, loadOlder, loadingOlder, olderError } = useThreadMessages(thread, initial, viewer);
  const typing = useTyping(thread.id, viewer);
  const files = useAttachments(thread.id);
  const now = useNow(30_000);
  const [dragging, setDragging] = useState(0);

  const all = [...state.messages, ...state.pending];
  const seenBy = seenByPosition(state.messages, thread.participants, reads, viewer.id);
  const typingLine = typingText(typing.names);

  // Someone's message arrived: they are no longer typing it.
  const lastAuthor = state.messages.at(-1)?.author.id;
  const lastSeq = state.messages.at(-1)?.seq;
  const clearTypist = typing.clear;
  useEffect(() => {
    if (lastAuthor) clearTypist(lastAuthor);
  }, [lastAuthor, lastSeq, clearTypist]);

  const canDrop = thread.viewer.canSend;
  const dragHandlers = canDrop
    ? {
        onDragEnter: (event: DragEvent) => {
          if (event.dataTransfer.types.includes("Files")) setDragging((n) => n + 1);
        },
        onDragLeave: (event: DragEvent) => {
          if (event.dataTransfer.types.includes("Files")) setDragging((n) => Math.max(0, n - 1));
        },
        onDragOver: (event: DragEvent) => {
          if (event.dataTransfer.types.includes("Files")) event.preventDefault();
        },
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDragging(0);
          files.add(Array.from(event.dataTransfer.files));
        },
      }
    : {};

  return (
    <div
      {...dragHandlers}
      data-testid="thread"
      className="relative -mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] flex-col overflow-hidden bg-white sm:-mx-6 sm:-my-8 lg:mx-0 lg:my-0 lg:h-[calc(100dvh-7.5rem)] lg:rounded-xl lg:border lg:shadow-xs"
    >
      <ThreadHeader thread={thread} />
      <MessageList
        messages={all}
        timeZone={timeZone}
        now={now}
        hasOlder={state.hasOlder}
        loadingOlder={loadingOlder}
        olderError={olderError}
        onLoadOlder={() => void loadOlder()}
        viewerId={viewer.id}
        footerKey={typingLine ?? ""}
        footer={
          <div aria-live="polite" className="min-h-6 px-1 pt-2">
            {typingLine ? (
              <p data-testid="typing-indicator" className="flex items-center gap-2 text-xs text-slate-500">
                <span aria-hidden="true" className="inline-flex gap-0.5">
                  <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.3s]" />
                  <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.15s]" />
                  <span className="size-1.5 animate-bounce rounded-full bg-slate-400" />
                </span>
                {typingLine}
              </p>
            ) : null}
          </div>
        }
        renderMessage={(message, previous) => {
          const own = message.author.id === viewer.id;
          const startsRun = !previous || previous.author.id !== message.author.id || Date.parse(message.createdAt) - Date.parse(previous.createdAt) > RUN_GAP_MS;
          const canChange = own && thread.viewer.canSend && message.status === "sent" && message.deletedAt === null && now.getTime() - Date.parse(message.createdAt) < EDIT_WINDOW_MS;
          return (
            <MessageItem
              message={message}
              own={own}
              startsRun={startsRun}
              timeZone={timeZone}
              canChange={canChange}
              seenBy={message.status === "sent" ? seenBy.get(message.seq) : undefined}
              onRetry={() => retry(message.clientMessageId)}
              onDiscard={() => discard(message.clientMessageId)}
              onEdit={async (body) => {
                const result = await edit(message.id, body);
                return result.ok ? null : (result.fieldErrors.body?.join(" ") ?? result.error);
              }}
              onDelete={async () => {
                const result = await remove(message.id);
                if (!result.ok) toast.error(result.error);
              }}
            />
          );
        }}
      />
      {thread.viewer.canSend ? (
        <Composer
          uploads={files.uploads}
          notice={files.notice}
          uploading={files.uploading}
          failed={files.failed}
          ready={files.ready}
          onFiles={files.add}
          onRemoveFile={files.remove}
          onTyping={typing.typing}
          onSend={(body, attachments) => {
            send(body, attachments);
            files.clear();
            typing.stopped();
          }}
        />
      ) : (
        <p className="border-t bg-slate-50 px-4 py-4 text-center text-sm text-slate-600" data-testid="cannot-send">
          You are no longer in this conversation. You can read what was said while you were in it, but not reply.
        </p>
      )}
      {dragging > 0 ? (
        <div className="pointer-events-none absolute inset-0 z-20 flex items-center justify-center bg-brand-50/90 ring-2 ring-brand-600 ring-inset">
          <p className="flex items-center gap-2 text-sm font-medium text-brand-900">
            <UploadIcon aria-hidden="true" className="size-5" />
            Drop files to attach them
          </p>
        </div>
      ) : null}
    </div>
  );
}
