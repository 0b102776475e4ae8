import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { MailAttachment } from "@/lib/mail/types";
import { users } from "./auth";

/** queued → sent once delivered; failed once every retry is spent (the message is kept, with why). */
export type MailStatus = "queued" | "sent" | "failed";
/** Where a sent message went: an SMTP relay, or the local mailbox at /dev/mailbox. */
export type MailTransportName = "smtp" | "mailbox";

/**
 * Every message the app sends, written in the transaction of the change that causes it. The row is
 * the message's record of truth: the delivery job only carries its id, and marks it sent, so a
 * retried job never sends twice. With no SMTP relay configured these rows are the local mailbox.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    attachments: jsonb("attachments").$type<MailAttachment[]>().notNull().default([]),
    status: text("status").$type<MailStatus>().notNull().default("queued"),
    // The pg-boss job that delivers it; null when it could not be enqueued, so the sweeper does.
    jobId: uuid("job_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    transport: text("transport").$type<MailTransportName>(),
    messageId: text("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("mail_outbox_user_idx").on(t.userId),
    index("mail_outbox_unqueued_idx").on(t.createdAt).where(sql`${t.status} = 'queued' and ${t.jobId} is null`),
  ],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
