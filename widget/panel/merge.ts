import type { VisitorMessageView } from "@/lib/visitor-chat/types";

/**
 * The conversation after `incoming` arrived (a fetch, an event, a send's answer), in seq order with
 * each message once: the same message may come by event and by refetch after a reconnect.
 */
export function mergeMessages(existing: readonly VisitorMessageView[], incoming: readonly VisitorMessageView[]): VisitorMessageView[] {
  if (incoming.length === 0) return existing as VisitorMessageView[];
  const byId = new Map(existing.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  const seen = new Set<number>();
  return [...byId.values()]
    .sort((a, b) => a.seq - b.seq)
    .filter((message) => (seen.has(message.seq) ? false : (seen.add(message.seq), true)));
}

/** The highest seq held, for `GET /api/widget/messages?after=`. */
export function lastSeq(messages: readonly VisitorMessageView[]): number {
  return messages.reduce((max, message) => Math.max(max, message.seq), 0);
}

/** The visitor's last message, under which "Seen" shows once staff have read up to it. */
export function lastVisitorMessage(messages: readonly VisitorMessageView[]): VisitorMessageView | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.author === "visitor") return messages[i];
  return undefined;
}

/** Staff messages past what the visitor has marked read: the unread dot on the launcher. */
export function hasUnreadFromStaff(messages: readonly VisitorMessageView[], visitorReadSeq: number): boolean {
  return messages.some((message) => message.author === "staff" && message.seq > visitorReadSeq);
}
