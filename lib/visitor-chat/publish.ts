import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit } from "@/lib/realtime/publish";
import type { VisitorMessageView, VisitorSessionPublic } from "./types";

// Bodies are at most 2,000 characters, so every message fits in one Pusher event (10 KB).

/** The conversation's two sides get the message; the console's queue learns the session moved. */
export function publishVisitorMessage(message: VisitorMessageView): Promise<void> {
  return publishAfterCommit([
    { channel: channels.visitorSession(message.sessionId), name: events.visitorMessageCreated, data: { message } },
    { channel: channels.support, name: events.visitorQueueChanged, data: { sessionId: message.sessionId } },
  ]);
}

/** "Seen" receipts: one side has read up to seq. */
export function publishVisitorSessionRead(sessionId: string, side: "visitor" | "staff", seq: number): Promise<void> {
  const receipt = { channel: channels.visitorSession(sessionId), name: events.visitorSessionRead, data: { side, seq } };
  // The visitor's reading changes nothing in the queue; the staff's clears the unread count there.
  return publishAfterCommit(side === "staff" ? [receipt, { channel: channels.support, name: events.visitorQueueChanged, data: { sessionId } }] : [receipt]);
}

/** A claim, transfer, close or conversion: the widget shows who has it or that it ended; the queue refetches. */
export function publishVisitorSessionUpdated(session: VisitorSessionPublic): Promise<void> {
  return publishAfterCommit([
    { channel: channels.visitorSession(session.id), name: events.visitorSessionUpdated, data: { session } },
    { channel: channels.support, name: events.visitorQueueChanged, data: { sessionId: session.id } },
  ]);
}

export function publishVisitorQueueChanged(sessionId: string): Promise<void> {
  return publishAfterCommit([{ channel: channels.support, name: events.visitorQueueChanged, data: { sessionId } }]);
}
