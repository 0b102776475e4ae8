import type { ThreadKind } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";

export type { ThreadKind };

/** A person as a thread shows them. */
export type ThreadPerson = { id: string; name: string; role: Role };

export type MessageAttachmentView = {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  /** The download (`/api/files/messages/{id}`), authorized through the thread. */
  url: string;
};

/** One message as every client receives it (page loads, the send answer and live events alike). */
export type MessageView = {
  id: string;
  threadId: string;
  /** Position in the thread: 1, 2, 3… in commit order; the client's "last id held" is the highest seq. */
  seq: number;
  clientMessageId: string;
  author: ThreadPerson;
  /** Empty once deleted (the tombstone keeps author and time). */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  attachments: MessageAttachmentView[];
};

export type ThreadParticipantView = ThreadPerson & {
  /** The highest seq they have read: read receipts ("Seen by …"). */
  lastReadSeq: number;
  /** False for someone who left (a removed helper): shown, but they see nothing after leaving. */
  active: boolean;
};

/** What the thread page needs besides its messages. */
export type ThreadView = {
  id: string;
  kind: ThreadKind;
  subject: string;
  /** For assignment threads: a link to the assignment in the viewer's area. */
  assignment: { id: string; code: string; title: string; href: string } | null;
  participants: ThreadParticipantView[];
  viewer: {
    id: string;
    lastReadSeq: number;
    /** False after leaving (a removed helper) — the composer is replaced by a note. */
    canSend: boolean;
    muted: boolean;
  };
  /** The newest seq the viewer may see. */
  lastSeq: number;
};

/** Oldest first. `hasOlder`: a "Load older" button; `hasNewer`: ask again with after = last seq. */
export type MessagePage = { messages: MessageView[]; hasOlder: boolean; hasNewer: boolean };

export type InboxItem = {
  id: string;
  kind: ThreadKind;
  subject: string;
  /** Everyone but the viewer (active participants). */
  others: ThreadPerson[];
  lastMessage: { authorName: string; authorIsViewer: boolean; preview: string; deleted: boolean; attachmentCount: number; at: string } | null;
  unreadCount: number;
  activityAt: string;
  assignment: { code: string; title: string } | null;
};

export type InboxFilter = "all" | "unread" | "assignment" | "support" | "direct";

export type InboxPage = { items: InboxItem[]; nextCursor: string | null };

/** A person the viewer may start a thread with (the policy decides who is listed). */
export type RecipientOption = ThreadPerson & { publicId: string };

export const MESSAGE_MAX_CHARS = 10_000;
export const MESSAGE_MAX_ATTACHMENTS = 10;
export const MESSAGE_EDIT_WINDOW_MINUTES = 15;
export const MESSAGE_PAGE_SIZE = 50;
/** Sends per author per window, counted in PostgreSQL. */
export const SEND_RATE_LIMIT = { max: 20, windowSeconds: 10 } as const;
