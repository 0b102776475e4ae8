import type { MessageView } from "@/lib/messaging/types";

/**
 * The open thread's messages on the client. Confirmed messages are keyed by seq (the server's
 * order); the viewer's own unconfirmed sends wait in `pending` until their message arrives — from
 * the POST answer or the live event, whichever is first — and are matched by clientMessageId, so
 * a message is never shown twice.
 */

export type MessageStatus = "sending" | "sent" | "failed";

export type ClientMessage = MessageView & {
  status: MessageStatus;
  /** Why the send failed, shown beside "Retry". */
  error?: string;
  /** Sent again as they were on a retry. */
  attachmentIds?: string[];
};

export type MessageState = { messages: ClientMessage[]; pending: ClientMessage[]; hasOlder: boolean };

export type MessageAction =
  | { type: "merge"; messages: MessageView[] }
  | { type: "older"; messages: MessageView[]; hasOlder: boolean }
  | { type: "pending"; message: ClientMessage }
  | { type: "failed"; clientMessageId: string; error: string }
  | { type: "retrying"; clientMessageId: string }
  | { type: "discard"; clientMessageId: string };

export function initialMessageState(messages: MessageView[], hasOlder: boolean): MessageState {
  return mergeMessages({ messages: [], pending: [], hasOlder }, messages);
}

function changedAt(message: MessageView): number {
  return Math.max(message.editedAt ? Date.parse(message.editedAt) : 0, message.deletedAt ? Date.parse(message.deletedAt) : 0);
}

/** Adds or updates messages by seq; a stale copy (an older page fetched after an edit event) never undoes the edit. */
export function mergeMessages(state: MessageState, incoming: readonly MessageView[]): MessageState {
  if (incoming.length === 0) return state;
  const bySeq = new Map(state.messages.map((m) => [m.seq, m]));
  const confirmed = new Set<string>();
  for (const message of incoming) {
    const held = bySeq.get(message.seq);
    confirmed.add(`${message.author.id}:${message.clientMessageId}`);
    if (held && held.id === message.id && changedAt(held) > changedAt(message)) continue;
    bySeq.set(message.seq, { ...message, status: "sent" });
  }
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const pending = state.pending.filter((p) => !confirmed.has(`${p.author.id}:${p.clientMessageId}`));
  return { ...state, messages, pending };
}

export function messageReducer(state: MessageState, action: MessageAction): MessageState {
  switch (action.type) {
    case "merge":
      return mergeMessages(state, action.messages);
    case "older":
      return { ...mergeMessages(state, action.messages), hasOlder: action.hasOlder };
    case "pending":
      // The same clientMessageId is one message: a second "pending" for it is a retry, not a new one.
      if (state.pending.some((p) => p.clientMessageId === action.message.clientMessageId)) return state;
      if (state.messages.some((m) => m.clientMessageId === action.message.clientMessageId && m.author.id === action.message.author.id)) return state;
      return { ...state, pending: [...state.pending, action.message] };
    case "failed":
      return { ...state, pending: state.pending.map((p) => (p.clientMessageId === action.clientMessageId ? { ...p, status: "failed", error: action.error } : p)) };
    case "retrying":
      return { ...state, pending: state.pending.map((p) => (p.clientMessageId === action.clientMessageId ? { ...p, status: "sending", error: undefined } : p)) };
    case "discard":
      return { ...state, pending: state.pending.filter((p) => p.clientMessageId !== action.clientMessageId) };
  }
}

/** The highest seq held: what "fetch after" asks from. */
export function lastSeqOf(state: MessageState): number {
  return state.messages.at(-1)?.seq ?? 0;
}

/** The lowest seq held: what "load older" asks before. */
export function oldestSeqOf(state: MessageState): number | null {
  return state.messages[0]?.seq ?? null;
}

/** True when a live message skips seqs we do not hold, so the ones between must be fetched. */
export function leavesGap(state: MessageState, seq: number): boolean {
  return seq > lastSeqOf(state) + 1;
}
