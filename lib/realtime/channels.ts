/** Channel names, in one place so the server, the auth endpoint and the client agree. */
export const channels = {
  user: (userId: string) => `private-user-${userId}`,
  /** A thread's messages, edits and read receipts (published by the server only). */
  thread: (threadId: string) => `private-thread-${threadId}`,
  /** Who has the thread open, and their typing (client events). */
  threadPresence: (threadId: string) => `presence-thread-${threadId}`,
} as const;

export const events = {
  notificationCreated: "notification.created",
  notificationsRead: "notifications.read",
  /** private-thread: `{ message: MessageView }`, or `{ seq, id }` alone when the message is too large for an event. */
  messageCreated: "message.created",
  /** private-thread: `{ message: MessageView }` after an edit or a delete. */
  messageUpdated: "message.updated",
  /** private-thread: `{ userId, seq }` — a participant has read up to seq. */
  threadRead: "thread.read",
  /** private-user: `{ threadId }` — a thread of theirs changed (new message, read elsewhere): refetch inbox and badge. */
  threadActivity: "thread.activity",
  /** presence-thread client event: `{ name }`, at most every few seconds while typing. */
  typing: "client-typing",
} as const;
