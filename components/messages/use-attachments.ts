"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { MESSAGE_MAX_ATTACHMENTS, type MessageAttachmentView } from "@/lib/messaging/types";
import { threadApi } from "./thread-api";

export type Upload = {
  key: string;
  name: string;
  size: number;
  /** 0..1 while uploading. */
  progress: number;
  status: "uploading" | "done" | "failed";
  error?: string;
  attachment?: MessageAttachmentView;
};

let counter = 0;

/**
 * Files for the next message, each uploaded the moment it is chosen (so sending is instant) and
 * held as pending on the server until the message names it; removing one deletes it there too.
 */
export function useAttachments(threadId: string) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const aborts = useRef(new Map<string, AbortController>());
  const count = useRef(0);
  const latest = useRef<Upload[]>([]);
  useEffect(() => {
    count.current = uploads.length;
    latest.current = uploads;
  });

  const update = useCallback((key: string, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u))), []);

  const add = useCallback(
    (files: File[]) => {
      const room = MESSAGE_MAX_ATTACHMENTS - count.current;
      const taken = files.slice(0, Math.max(0, room));
      setNotice(files.length > taken.length ? `At most ${MESSAGE_MAX_ATTACHMENTS} files per message.` : null);
      const added = taken.map((file) => ({ file, upload: { key: `u${(counter += 1)}`, name: file.name || "pasted file", size: file.size, progress: 0, status: "uploading" as const } }));
      count.current += added.length;
      setUploads((list) => [...list, ...added.map((a) => a.upload)]);
      for (const { file, upload } of added) {
        const abort = new AbortController();
        aborts.current.set(upload.key, abort);
        void threadApi.upload(threadId, file, (progress) => update(upload.key, { progress }), abort.signal).then((result) => {
          aborts.current.delete(upload.key);
          if (abort.signal.aborted) return;
          if (result.ok) update(upload.key, { status: "done", progress: 1, attachment: result.data });
          else update(upload.key, { status: "failed", error: result.error });
        });
      }
    },
    [threadId, update],
  );

  const remove = useCallback(
    (key: string) => {
      aborts.current.get(key)?.abort();
      aborts.current.delete(key);
      const gone = latest.current.find((u) => u.key === key);
      // Uploaded but never to be sent: deleted now rather than left pending on the server.
      if (gone?.attachment) void threadApi.removeAttachment(threadId, gone.attachment.id);
      count.current -= gone ? 1 : 0;
      setUploads((list) => list.filter((u) => u.key !== key));
      setNotice(null);
    },
    [threadId],
  );

  /** After a send: the files now belong to the message. */
  const clear = useCallback(() => {
    setUploads([]);
    setNotice(null);
  }, []);

  return {
    uploads,
    notice,
    add,
    remove,
    clear,
    uploading: uploads.some((u) => u.status === "uploading"),
    failed: uploads.some((u) => u.status === "failed"),
    ready: uploads.flatMap((u) => (u.status === "done" && u.attachment ? [u.attachment] : [])),
  };
}
