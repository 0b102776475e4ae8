/** Channel names, in one place so the server, the auth endpoint and the client agree. */
export const channels = {
  user: (userId: string) => `private-user-${userId}`,
  /** A thread's messages, edits and read receipts (published by the server only). */
  thread: (threadId: string) => `private-thread-${threadId}`,
  /** Who has the thread open, and their typing (client events). */
  threadPresence: (threadId: string) => `presence-thread-${threadId}`,
  /** One visitor conversation: its messages, receipts and status (server), typing (client events). Joined by the visitor (token) and staff who serve visitors. */
  visitorSession: (sessionId: string) => `private-visitor-${sessionId}`,
  /** The visitor queue changed (server only), for CS reps and admins. */
  support: "private-support",
  /** Everyone signed in with this role (server only): one event reaches a whole audience, however large. */
  role: (role: string) => `private-role-${role}`,
  /** CS reps and admins with the console open: a member here means someone is online for the widget. */
  supportPresence: "presence-support",
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
  /** private-visitor: `{ message: VisitorMessageView }`. */
  visitorMessageCreated: "visitor-message.created",
  /** private-visitor: `{ side: "visitor" | "staff", seq }` — that side has seen up to seq. */
  visitorSessionRead: "visitor-session.read",
  /** private-visitor: `{ session: VisitorSessionPublic }` after a claim, transfer, close or conversion. */
  visitorSessionUpdated: "visitor-session.updated",
  /** private-support: `{ sessionId }` — a session was started, claimed, transferred, closed, converted or got a message. */
  visitorQueueChanged: "visitor-queue.changed",
  /** private-role or private-user: `{ id, change: "published" | "edited" | "unpublished", title }` — refetch banners and the bell. */
  announcementsChanged: "announcements.changed",
  /** private-role-cs_rep and private-role-admin: `{ area }` — a staff dashboard count may have moved: refetch it. */
  dashboardChanged: "dashboard.changed",
} as const;
