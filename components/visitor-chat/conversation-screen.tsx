"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertCircle, ArrowLeft, Info } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { newClientMessageId } from "@/components/messages/client-message-id";
import { formatClock } from "@/components/messages/day-groups";
import { MessageBody } from "@/components/messages/message-body";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useChannelEvent } from "@/components/realtime/use-channel-event";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { channels, events } from "@/lib/realtime/channels";
import type { Conversion } from "@/lib/visitor-chat/convert";
import type { VisitorMessageView, VisitorSessionDetail, VisitorSessionPublic } from "@/lib/visitor-chat/types";
import { hasGap, mergeMessages, seenStaffSeq } from "./message-merge";
import { ClaimButton, CloseDialog, ConversionResult, ConvertDialog, TransferDialog, type StaffOption } from "./session-actions";
import { VerifiedMark, VisitorStatusBadge } from "./status-badge";
import { useVisitorTyping } from "./use-visitor-typing";
import { visitorApi, visitorKeys } from "./visitor-api";
import { VisitorComposer as VisitorComposerSlot } from "./visitor-composer";
import { VisitorDetails } from "./visitor-details";

type Viewer = { id: string; name: string; isAdmin: boolean };
type Pending = { clientMessageId: string; body: string; status: "sending" | "failed"; error?: string };
type Props = { initial: VisitorSessionDetail; basePath: string; viewer: Viewer; staff: StaffOption[]; cannedReplies: string[]; timeZone: string };

/** One visitor conversation, live: messages, typing and receipts both ways, and the CS rep's actions. */
export function ConversationScreen({ initial, basePath, viewer, staff, cannedReplies, timeZone }: Props) {
  const queryClient = useQueryClient();
  const { state: connection } = useRealtime();
  const key = useMemo(() => visitorKeys.session(initial.id), [initial.id]);
  const { data } = useQuery({
    queryKey: key,
    queryFn: async () => {
      const result = await visitorApi.session(initial.id);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    refetchInterval: connection === "connected" ? false : 10_000,
  });
  const session = data ?? initial;
  const [pending, setPending] = useState<Pending[]>([]);
  const [conversion, setConversion] = useState<Conversion | null>(null);
  const typing = useVisitorTyping(session.id, viewer.name);

  const update = useCallback((change: (current: VisitorSessionDetail) => VisitorSessionDetail) => queryClient.setQueryData<VisitorSessionDetail>(key, (current) => (current ? change(current) : current)), [queryClient, key]);
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: key }), [queryClient, key]);

  // What came after the last seq held: on (re)connect, on waking, and when an event shows a hole.
  const catchUp = useCallback(async () => {
    const held = queryClient.getQueryData<VisitorSessionDetail>(key);
    const result = await visitorApi.messagesAfter(initial.id, held?.messages.at(-1)?.seq ?? 0);
    if (result.ok) update((current) => mergeMessages(current, result.data.messages));
  }, [initial.id, update, queryClient, key]);
  useEffect(() => {
    if (connection === "connected") void catchUp();
  }, [connection, catchUp]);
  useEffect(() => {
    const wake = () => {
      if (document.visibilityState === "visible") void catchUp();
    };
    document.addEventListener("visibilitychange", wake);
    return () => document.removeEventListener("visibilitychange", wake);
  }, [catchUp]);

  const channel = channels.visitorSession(session.id);
  useChannelEvent<{ message: VisitorMessageView }>(channel, events.visitorMessageCreated, ({ message }) => {
    update((current) => mergeMessages(current, [message]));
    if (message.author === "visitor") typing.clear();
    const held = queryClient.getQueryData<VisitorSessionDetail>(key);
    if (held && hasGap(mergeMessages(held, [message]))) void catchUp();
  });
  useChannelEvent<{ side: "visitor" | "staff"; seq: number }>(channel, events.visitorSessionRead, ({ side, seq }) => {
    update((current) => (side === "visitor" ? { ...current, visitorReadSeq: Math.max(current.visitorReadSeq, seq) } : { ...current, staffReadSeq: Math.max(current.staffReadSeq, seq) }));
  });
  useChannelEvent<{ session: VisitorSessionPublic }>(channel, events.visitorSessionUpdated, () => refetch());

  const writable = session.status === "open" || session.status === "claimed";
  const mine = session.claimedBy?.id === viewer.id;
  const canWrite = writable && (session.status === "open" || mine);
  const lastSeq = session.messages.at(-1)?.seq ?? 0;

  // Seen by the staff side: while the tab is visible, by whoever may answer.
  const readSent = useRef(session.staffReadSeq);
  useEffect(() => {
    const mayRead = session.claimedBy === null || mine;
    if (!mayRead || lastSeq <= Math.max(session.staffReadSeq, readSent.current)) return;
    const mark = () => {
      if (document.visibilityState !== "visible") return;
      readSent.current = lastSeq;
      void visitorApi.read(session.id, lastSeq).then((result) => {
        if (result.ok) update((current) => ({ ...current, staffReadSeq: Math.max(current.staffReadSeq, result.data.staffReadSeq) }));
      });
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [lastSeq, session.id, session.staffReadSeq, session.claimedBy, mine, update]);

  const send = useCallback(
    async (body: string, clientMessageId = newClientMessageId()) => {
      typing.stopped();
      setPending((list) => [...list.filter((p) => p.clientMessageId !== clientMessageId), { clientMessageId, body, status: "sending" }]);
      const result = await visitorApi.send(session.id, { clientMessageId, body });
      if (result.ok) {
        setPending((list) => list.filter((p) => p.clientMessageId !== clientMessageId));
        update((current) => mergeMessages(current, [result.data]));
        if (session.status === "open") refetch();
        return;
      }
      setPending((list) => list.map((p) => (p.clientMessageId === clientMessageId ? { ...p, status: "failed", error: result.fieldErrors.body?.join(" ") ?? result.error } : p)));
      if (result.status === 409 || result.status === 403) refetch();
    },
    [session.id, session.status, typing, update, refetch],
  );

  // Follow the conversation to its newest line, as chat does.
  const list = useRef<HTMLDivElement>(null);
  const count = session.messages.length + pending.length;
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, typing.visitorTyping]);

  const seenSeq = seenStaffSeq(session);
  const details = <VisitorDetails session={session} basePath={basePath} timeZone={timeZone} />;

  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] overflow-hidden bg-white sm:-mx-6 sm:-my-8 lg:mx-0 lg:my-0 lg:h-[calc(100dvh-7.5rem)] lg:rounded-xl lg:border lg:shadow-xs" data-testid="visitor-conversation">
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-b px-3 py-2.5 sm:px-4">
          <div className="flex items-center gap-2">
            <Link href={basePath} className="-ml-1 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100" aria-label="Back to visitors">
              <ArrowLeft aria-hidden="true" className="size-5" />
            </Link>
            <div className="min-w-0 flex-1">
              <h1 className="flex items-center gap-2 truncate text-base font-semibold text-slate-900">
                <span className="truncate">{session.name}</span>
                {session.verified ? <VerifiedMark /> : null}
              </h1>
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <VisitorStatusBadge status={session.status} />
                {writable ? session.claimedBy ? <span data-testid="claimed-by">{mine ? "You have this conversation" : `${session.claimedBy.name} has this conversation`}</span> : <span>Waiting for a CS rep</span> : null}
              </p>
            </div>
            <Sheet>
              <SheetTrigger asChild>
                <Button variant="ghost" size="icon" className="shrink-0 lg:hidden" aria-label="Visitor details">
                  <Info aria-hidden="true" className="size-5" />
                </Button>
              </SheetTrigger>
              <SheetContent side="right" className="w-80 max-w-[90vw] overflow-y-auto p-4">
                <SheetHeader className="p-0">
                  <SheetTitle>Visitor details</SheetTitle>
                  <SheetDescription className="sr-only">Who the visitor is and where they came from</SheetDescription>
                </SheetHeader>
                {details}
              </SheetContent>
            </Sheet>
          </div>
          {writable ? (
            <div className="mt-2 flex flex-wrap gap-2" data-testid="visitor-actions">
              {session.status === "open" ? <ClaimButton sessionId={session.id} onDone={refetch} /> : null}
              {mine || viewer.isAdmin ? <ConvertDialog session={session} onConverted={(result) => { setConversion(result); refetch(); }} /> : null}
              {mine || viewer.isAdmin ? <TransferDialog session={session} staff={staff} viewerId={viewer.id} onDone={refetch} /> : null}
              {session.status === "open" || mine || viewer.isAdmin ? <CloseDialog session={session} onDone={refetch} /> : null}
            </div>
          ) : null}
        </header>
        <div ref={list} className="min-h-0 flex-1 overflow-y-auto px-3 py-3 sm:px-4" aria-label="Conversation" role="log" aria-live="polite" data-testid="visitor-messages">
          {session.messages.length === 0 && pending.length === 0 ? <p className="py-8 text-center text-sm text-slate-500">No messages yet.</p> : null}
          {session.messages.map((message, index) => {
            const previous = session.messages[index - 1];
            const own = message.author === "staff";
            const startsRun = !previous || previous.author !== message.author || previous.authorName !== message.authorName;
            return (
              <div key={message.seq} data-testid="visitor-message" data-seq={message.seq} data-author={message.author} className={cn("flex flex-col", own ? "items-end" : "items-start", startsRun ? "mt-3" : "mt-0.5")}>
                {startsRun ? (
                  <p className="mb-1 flex items-baseline gap-2 px-1 text-xs text-slate-500">
                    <span className="font-semibold text-slate-800">{own ? (message.authorName === viewer.name ? "You" : message.authorName) : session.name}</span>
                    <time dateTime={message.createdAt}>{formatClock(new Date(message.createdAt), timeZone)}</time>
                  </p>
                ) : null}
                <div className={cn("max-w-[min(36rem,85%)] min-w-0 rounded-2xl px-3.5 py-2", own ? "rounded-br-md bg-brand-600 text-white" : "rounded-bl-md bg-slate-100 text-slate-900")}>
                  <MessageBody body={message.body} own={own} />
                </div>
                {message.seq === seenSeq ? (
                  <p className="mt-0.5 px-1 text-xs text-slate-500" data-testid="visitor-seen">
                    Seen
                  </p>
                ) : null}
              </div>
            );
          })}
          {pending.map((item) => (
            <div key={item.clientMessageId} className="mt-0.5 flex flex-col items-end" data-testid="visitor-message" data-status={item.status}>
              <div className={cn("max-w-[min(36rem,85%)] min-w-0 rounded-2xl rounded-br-md px-3.5 py-2", item.status === "failed" ? "bg-red-50 text-red-950 ring-1 ring-red-300" : "bg-brand-600 text-white opacity-70")}>
                <MessageBody body={item.body} own={item.status !== "failed"} />
              </div>
              {item.status === "failed" ? (
                <p className="mt-1 flex flex-wrap items-center gap-2 px-1 text-xs text-red-700">
                  <AlertCircle aria-hidden="true" className="size-3.5" />
                  {item.error ?? "Not sent"}
                  {canWrite ? (
                    <button type="button" className="font-medium underline" onClick={() => void send(item.body, item.clientMessageId)}>
                      Retry
                    </button>
                  ) : null}
                  <button type="button" className="font-medium underline" onClick={() => setPending((all) => all.filter((p) => p.clientMessageId !== item.clientMessageId))}>
                    Discard
                  </button>
                </p>
              ) : (
                <p className="mt-0.5 px-1 text-xs text-slate-500">Sending…</p>
              )}
            </div>
          ))}
          <div aria-live="polite" className="min-h-6 px-1 pt-2">
            {typing.visitorTyping && writable ? (
              <p data-testid="visitor-typing" className="flex items-center gap-2 text-xs text-slate-500">
                <span aria-hidden="true" className="inline-flex gap-0.5">
                  <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.3s]" />
                  <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.15s]" />
                  <span className="size-1.5 animate-bounce rounded-full bg-slate-400" />
                </span>
                {session.name} is typing…
              </p>
            ) : null}
          </div>
        </div>
        {canWrite ? (
          <VisitorComposerSlot cannedReplies={cannedReplies} onSend={(body) => void send(body)} onTyping={typing.typing} />
        ) : (
          <p className="border-t bg-slate-50 px-4 py-4 text-center text-sm text-slate-600" data-testid="cannot-reply">
            {endedText(session, mine)}
          </p>
        )}
      </div>
      <aside className="hidden w-80 shrink-0 overflow-y-auto border-l p-4 lg:block" aria-label="Visitor details">
        {details}
      </aside>
      {conversion ? (
        <ConversionResult
          conversion={conversion}
          onClose={() => {
            setConversion(null);
            toast.success("The conversation is now in their inbox");
          }}
        />
      ) : null}
    </div>
  );
}

function endedText(session: VisitorSessionDetail, mine: boolean): string {
  if (session.status === "converted") return "This visitor now has a student account; the conversation continues in their inbox.";
  if (session.status === "closed") return session.closeReason ? `Closed: ${session.closeReason}` : "This conversation is closed.";
  if (!mine && session.claimedBy) return `${session.claimedBy.name} is answering this visitor. Ask them (or an admin) to transfer it to you.`;
  return "You cannot reply here.";
}

