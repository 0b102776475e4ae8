import { sql } from "drizzle-orm";
import { bigint, boolean, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { assignments } from "./assignments";
import { users } from "./auth";

export const threadKind = pgEnum("thread_kind", ["support", "assignment", "direct"]);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const threads = pgTable(
  "threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: threadKind("kind").notNull(),
    subject: text("subject").notNull(),
    // One thread per assignment and one Support thread per student, whatever a race does.
    assignmentId: uuid("assignment_id")
      .unique()
      .references(() => assignments.id, { onDelete: "cascade" }),
    supportStudentId: uuid("support_student_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    // The seq of the newest message. Sends take this row's lock to draw the next one, so within a
    // thread seq order is commit order: a reader holding seq n that asks for "after n" misses nothing.
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageId: uuid("last_message_id").references((): AnyPgColumn => messages.id, { onDelete: "set null" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    subjectSearch: tsvector("subject_search").generatedAlwaysAs(sql`to_tsvector('english', subject)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("threads_subject_search_idx").using("gin", t.subjectSearch)],
);

export const threadParticipants = pgTable(
  "thread_participants",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    // A removed helper keeps what was said while they took part (up to left_at_seq) and nothing after.
    leftAt: timestamp("left_at", { withTimezone: true }),
    leftAtSeq: integer("left_at_seq"),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    // Messages by others after last_read_seq; kept here so the badge is read from a small index.
    unreadCount: integer("unread_count").notNull().default(0),
    muted: boolean("muted").notNull().default(false),
    // The thread's last activity copied per participant, so the inbox is one index range scan.
    activityAt: timestamp("activity_at", { withTimezone: true }).notNull().defaultNow(),
    // The first unread message of the current run (null when caught up): reminders are due from it.
    unreadSince: timestamp("unread_since", { withTimezone: true }),
    // When the run's bell notification was sent (or passed over, muted); cleared on read.
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    // When the run's email was queued (or passed over); cleared on read.
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    index("thread_participants_inbox_idx").on(t.userId, t.activityAt.desc().nullsFirst(), t.threadId.desc().nullsFirst()),
    // The reminder sweep reads only runs whose bell or email is still to come.
    index("thread_participants_bell_due_idx")
      .on(t.unreadSince)
      .where(sql`${t.unreadSince} is not null and ${t.notifiedAt} is null`),
    index("thread_participants_email_due_idx")
      .on(t.unreadSince)
      .where(sql`${t.unreadSince} is not null and ${t.emailedAt} is null`),
    index("thread_participants_unread_idx")
      .on(t.userId)
      .where(sql`${t.unreadCount} > 0 and ${t.leftAt} is null`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // Chosen by the sender's browser; a retried send with the same id is the same message.
    clientMessageId: uuid("client_message_id").notNull(),
    body: text("body").notNull(),
    bodySearch: tsvector("body_search").generatedAlwaysAs(sql`to_tsvector('english', body)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("messages_thread_seq_idx").on(t.threadId, t.seq),
    uniqueIndex("messages_author_client_id_idx").on(t.authorId, t.clientMessageId),
    // The send rate limit counts an author's recent messages.
    index("messages_author_created_idx").on(t.authorId, t.createdAt),
    index("messages_body_search_idx").using("gin", t.bodySearch),
  ],
);

export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    // Null while uploaded but not yet sent: the composer uploads each file as it is added.
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    storageKey: text("storage_key").notNull().unique(),
    originalName: text("original_name").notNull(),
    displayName: text("display_name").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    mimeType: text("mime_type").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("message_attachments_message_idx").on(t.messageId),
    index("message_attachments_pending_idx")
      .on(t.uploadedBy, t.threadId)
      .where(sql`${t.messageId} is null`),
  ],
);

export type Thread = typeof threads.$inferSelect;
export type ThreadKind = (typeof threadKind.enumValues)[number];
export type ThreadParticipant = typeof threadParticipants.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageAttachment = typeof messageAttachments.$inferSelect;
