/**
 * What the widget and the CS-rep console see of visitor sessions, and the limits both sides share.
 * Views are plain JSON (ISO times), safe to publish and to send to the widget's iframe.
 */

export const VISITOR_LIMITS = {
  bodyMaxChars: 2_000,
  nameMaxChars: 80,
  emailMaxChars: 254,
  closeReasonMaxChars: 300,
  /** A visitor token resumes its conversation this long after the session began. */
  tokenLifetimeDays: 30,
  /** Host-site identity hashes are accepted this long either side of their timestamp. */
  identityWindowSeconds: 10 * 60,
  /** Messages per visitor token, and per IP (several visitors behind one NAT share it). */
  messagesPerTokenPerMinute: 20,
  messagesPerIpPerMinute: 60,
  /** New sessions per IP per hour. */
  sessionsPerIpPerHour: 5,
  pageSize: 100,
} as const;

export type VisitorSessionStatus = "open" | "claimed" | "closed" | "converted";

export type VisitorMessageView = {
  id: string;
  sessionId: string;
  seq: number;
  author: "visitor" | "staff";
  /** The CS rep's or admin's name on staff messages; null for the visitor's. */
  authorName: string | null;
  body: string;
  createdAt: string;
};

/** What the visitor's widget may know of its session. */
export type VisitorSessionPublic = {
  id: string;
  status: VisitorSessionStatus;
  offline: boolean;
  name: string;
  /** The CS rep who has it, by name; null while waiting. */
  agentName: string | null;
  lastSeq: number;
  /** How far the staff side has seen (for the visitor's "seen" receipt). */
  staffReadSeq: number;
  createdAt: string;
};

/** The widget's view of whether anyone is there: drives the pre-chat form and the away notice. */
export type WidgetAvailability = {
  /** Within business hours and at least one CS rep has the console open. */
  online: boolean;
  withinHours: boolean;
  awayMessage: string;
  requireEmail: boolean;
};

/** A row of the CS rep's queue. */
export type VisitorQueueItem = {
  id: string;
  status: VisitorSessionStatus;
  offline: boolean;
  name: string;
  email: string | null;
  verified: boolean;
  pageUrl: string | null;
  firstMessage: string | null;
  claimedBy: { id: string; name: string } | null;
  /** Messages by the visitor the staff side has not seen. */
  unread: number;
  createdAt: string;
  lastMessageAt: string | null;
};

/** The console's full view of one session. */
export type VisitorSessionDetail = VisitorQueueItem & {
  referrer: string | null;
  timeZone: string | null;
  userAgent: string | null;
  verifiedExternalId: string | null;
  closeReason: string | null;
  closedAt: string | null;
  convertedUserId: string | null;
  convertedThreadId: string | null;
  lastSeq: number;
  visitorReadSeq: number;
  staffReadSeq: number;
  messages: VisitorMessageView[];
  /** Earlier sessions by the same token or the same email, newest first. */
  earlier: { id: string; status: VisitorSessionStatus; createdAt: string; firstMessage: string | null }[];
};
