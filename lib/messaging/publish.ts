import { channels, events } from "@/lib/realtime/channels";
import { publishAfterCommit, type RealtimeEvent } from "@/lib/realtime/publish";
import type { MessageView } from "./types";

// Pusher Channels refuses events over 10 KB; a long message goes out as its position alone and
// clients fetch it (they do the same for any gap in seq).
const MAX_EVENT_BYTES = 9_000;

function messagePayload(message: MessageView): Record<string, unknown> {
  const full = { message };
  return Buffer.byteLength(JSON.stringify(full)) <= MAX_EVENT_BYTES ? full : { id: message.id, seq: message.seq };
}

const activity = (threadId: string, userIds: readonly string[]): RealtimeEvent[] =>
  [...new Set(userIds)].map((userId) => ({ channel: channels.user(userId), name: events.threadActivity, data: { threadId } }));

/** The open thread views get the message; every participant's inbox and badge learn the thread moved. */
export function publishMessageCreated(message: MessageView, participantIds: readonly string[]): Promise<void> {
  return publishAfterCommit([{ channel: channels.thread(message.threadId), name: events.messageCreated, data: messagePayload(message) }, ...activity(message.threadId, participantIds)]);
}

export function publishMessageUpdated(message: MessageView, participantIds: readonly string[]): Promise<void> {
  return publishAfterCommit([{ channel: channels.thread(message.threadId), name: events.messageUpdated, data: messagePayload(message) }, ...activity(message.threadId, participantIds)]);
}

/** Read receipts for the thread's viewers; the reader's other tabs update their badge. */
export function publishThreadRead(threadId: string, userId: string, seq: number): Promise<void> {
  return publishAfterCommit([{ channel: channels.thread(threadId), name: events.threadRead, data: { userId, seq } }, ...activity(threadId, [userId])]);
}
