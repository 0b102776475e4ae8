"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { useChannelEvent } from "@/components/realtime/use-channel-event";
import { MESSAGE_PAGE_SIZE, type MessageAttachmentView, type MessagePage, type MessageView, type ThreadPerson, type ThreadView } from "@/lib/messaging/types";
import { channels, events } from "@/lib/realtime/channels";
import { newClientMessageId } from "./client-message-id";
import { initialMessageState, lastSeqOf, leavesGap, messageReducer, oldestSeqOf, type ClientMessage } from "./message-store";
import { threadApi } from "./thread-api";
import { useCatchUp } from "./use-catch-up";

const READ_DEBOUNCE_MS = 300;

type CreatedEvent = { message?: MessageView; seq?: number; id?: string };

/**
 * The open thread, live: the message store, sends with retry, edits, read receipts and catch-up.
 * The database is the truth; events only make things fast. Whenever they might have been missed
 * (a gap in seqs, a reconnect, a tab waking, realtime down) the hook asks for what is after the
 * last seq it holds.
 */
export function useThreadMessages(thread: ThreadView, initial: MessagePage, viewer: ThreadPerson) {
  const threadId = thread.id;
  const [state, dispatch] = useReducer(messageReducer, initial, (page) => initialMessageState(page.messages, page.hasOlder));
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  const queryClient = useQueryClient();

  const { catchUp, visibleTick } = useCatchUp(threadId, latest, dispatch);

  const thread$ = channels.thread(threadId);
  useChannelEvent<CreatedEvent>(thread$, events.messageCreated, (data) => {
    const held = lastSeqOf(latest.current);
    if (!data.message) {
      // Too large for an event: only its seq came, the message itself is read from the database.
      void catchUp(held);
      return;
    }
    const gap = leavesGap(latest.current, data.message.seq);
    dispatch({ type: "merge", messages: [data.message] });
    if (gap) void catchUp(held);
  });
  useChannelEvent<CreatedEvent>(thread$, events.messageUpdated, (data) => {
    if (data.message) dispatch({ type: "merge", messages: [data.message] });
    // Too large for an event: read that one message (the page just before seq + 1).
    else if (typeof data.seq === "number")
      void threadApi.messages(threadId, { before: data.seq + 1, limit: 1 }).then((result) => {
        if (result.ok) dispatch({ type: "merge", messages: result.data.messages });
      });
  });

  // Read receipts: the highest seq each participant has read, raised by live events and by page refreshes.
  const [liveReads, setLiveReads] = useState<Record<string, number>>({});
  const raiseRead = useCallback((userId: string, seq: number) => setLiveReads((prev) => ((prev[userId] ?? 0) >= seq ? prev : { ...prev, [userId]: seq })), []);
  useChannelEvent<{ userId: string; seq: number }>(thread$, events.threadRead, (data) => raiseRead(data.userId, data.seq));
  const reads = useMemo(() => {
    const merged: Record<string, number> = { ...liveReads };
    for (const p of thread.participants) merged[p.id] = Math.max(merged[p.id] ?? 0, p.lastReadSeq);
    return merged;
  }, [liveReads, thread.participants]);

  // Mark read: what is shown while the tab is visible, debounced so a burst of messages is one request.
  const lastSeq = lastSeqOf(state);
  const viewerRead = reads[viewer.id] ?? thread.viewer.lastReadSeq;
  useEffect(() => {
    if (lastSeq <= viewerRead) return;
    const timer = setTimeout(async () => {
      if (document.visibilityState !== "visible") return;
      const result = await threadApi.read(threadId, lastSeq);
      if (!result.ok) return;
      raiseRead(viewer.id, result.data?.lastReadSeq ?? lastSeq);
      void queryClient.invalidateQueries({ queryKey: notificationSummaryKey });
    }, READ_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [lastSeq, viewerRead, visibleTick, threadId, viewer.id, raiseRead, queryClient]);

  // One send at a time: the server numbers messages in commit order, so concurrent POSTs could
  // swap two messages typed in a row.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const post = useCallback(
    async (message: ClientMessage) => {
      const result = await threadApi.send(threadId, { clientMessageId: message.clientMessageId, body: message.body, attachmentIds: message.attachmentIds });
      if (result.ok) {
        const held = lastSeqOf(latest.current);
        const gap = leavesGap(latest.current, result.data.seq);
        dispatch({ type: "merge", messages: [result.data] });
        if (gap) void catchUp(held);
        return;
      }
      const error = result.status === 400 ? (result.fieldErrors.body?.join(" ") ?? result.fieldErrors.attachmentIds?.join(" ") ?? result.error) : result.error;
      dispatch({ type: "failed", clientMessageId: message.clientMessageId, error });
    },
    [threadId, catchUp],
  );
  const deliver = useCallback(
    (message: ClientMessage) => {
      queue.current = queue.current.then(() => post(message)).catch(() => undefined);
    },
    [post],
  );

  /** Shows the message at once as "Sending…", then as sent or failed. */
  const send = useCallback(
    (body: string, attachments: MessageAttachmentView[]) => {
      const clientMessageId = newClientMessageId();
      const message: ClientMessage = {
        id: `pending-${clientMessageId}`,
        threadId,
        seq: 0,
        clientMessageId,
        author: viewer,
        body,
        createdAt: new Date().toISOString(),
        editedAt: null,
        deletedAt: null,
        attachments,
        attachmentIds: attachments.map((a) => a.id),
        status: "sending",
      };
      dispatch({ type: "pending", message });
      deliver(message);
    },
    [threadId, viewer, deliver],
  );

  /** The same clientMessageId again: the server stores it once however many times it arrives. */
  const retry = useCallback(
    (clientMessageId: string) => {
      const message = latest.current.pending.find((p) => p.clientMessageId === clientMessageId);
      if (!message || message.status !== "failed") return;
      dispatch({ type: "retrying", clientMessageId });
      deliver(message);
    },
    [deliver],
  );

  const discard = useCallback((clientMessageId: string) => dispatch({ type: "discard", clientMessageId }), []);

  const edit = useCallback(
    async (messageId: string, body: string) => {
      const result = await threadApi.edit(threadId, messageId, body);
      if (result.ok) dispatch({ type: "merge", messages: [result.data] });
      return result;
    },
    [threadId],
  );

  const remove = useCallback(
    async (messageId: string) => {
      const result = await threadApi.remove(threadId, messageId);
      if (result.ok) dispatch({ type: "merge", messages: [result.data] });
      return result;
    },
    [threadId],
  );

  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const loadOlder = useCallback(async () => {
    const before = oldestSeqOf(latest.current);
    if (before === null || loadingOlder) return;
    setLoadingOlder(true);
    setOlderError(null);
    const result = await threadApi.messages(threadId, { before, limit: MESSAGE_PAGE_SIZE });
    setLoadingOlder(false);
    if (result.ok) dispatch({ type: "older", messages: result.data.messages, hasOlder: result.data.hasOlder });
    else setOlderError(result.error);
  }, [threadId, loadingOlder]);

  return { state, reads, send, retry, discard, edit, remove, loadOlder, loadingOlder, olderError };
}
