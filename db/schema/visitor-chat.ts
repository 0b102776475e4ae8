import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { threads } from "./messaging";

/** open → claimed (by a CS rep) → closed | converted (DESIGN.md, state machines). */
export const visitorSessionStatus = pgEnum("visitor_session_status", ["open", "claimed", "closed", "converted"]);
export const visitorMessageAuthor = pgEnum("visitor_message_author", ["visitor", "staff"]);

/** One visitor conversation from the chat widget (DESIGN.md calls the table pre_signin_sessions). */
export const visitorSessions = pgTable(
  "pre_signin_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // sha256 of the visitor token (256 random bits, kept only in the widget's storage). One token
    // may hold several sessions over time: a visitor who comes back after a close starts another.
    tokenHash: text("token_hash").notNull(),
    status: visitorSessionStatus("status").notNull().default("open"),
    // Started while no CS rep was online or outside business hours: an offline lead with an email.
    offline: boolean("offline").notNull().default(false),
    name: text("name").notNull(),
    email: text("email"),
    // What the visitor's browser told us when the session began.
    pageUrl: text("page_url"),
    referrer: text("referrer"),
    timeZone: text("time_zone"),
    userAgent: text("user_agent"),
    ip: text("ip"),
    // The host site's own user id, only when its HMAC identity hash checked out.
    verifiedExternalId: text("verified_external_id"),
    claimedBy: uuid("claimed_by").references(() => users.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeReason: text("close_reason"),
    convertedUserId: uuid("converted_user_id").references(() => users.id, { onDelete: "set null" }),
    convertedThreadId: uuid("converted_thread_id").references(() => threads.id, { onDelete: "set null" }),
    convertedAt: timestamp("converted_at", { withTimezone: true }),
    // Per-session message position; sends lock this row to draw the next seq (seq order = commit order).
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    // Read positions of each side, for "seen" receipts and the console's unread counts.
    visitorReadSeq: integer("visitor_read_seq").notNull().default(0),
    staffReadSeq: integer("staff_read_seq").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pre_signin_sessions_token_idx").on(t.tokenHash, t.createdAt.desc()),
    // The live queue and the offline leads: sessions still open or claimed, oldest first.
    index("pre_signin_sessions_queue_idx")
      .on(t.offline, t.createdAt)
      .where(sql`${t.status} in ('open', 'claimed')`),
    // The staff's "visitors waiting" badge on every page: counted from this index alone.
    index("pre_signin_sessions_waiting_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'open' and not ${t.offline}`),
    index("pre_signin_sessions_email_idx").on(sql`lower(${t.email})`),
    index("pre_signin_sessions_created_idx").on(t.createdAt.desc()),
  ],
);

export const visitorMessages = pgTable(
  "pre_signin_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => visitorSessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    authorKind: visitorMessageAuthor("author_kind").notNull(),
    // The CS rep or admin for staff messages; null for the visitor's.
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    // Chosen by the sender's browser; a retried send with the same id is the same message.
    clientMessageId: uuid("client_message_id").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pre_signin_messages_session_seq_idx").on(t.sessionId, t.seq), uniqueIndex("pre_signin_messages_client_id_idx").on(t.sessionId, t.clientMessageId)],
);

export type WeeklyHours = { day: number; open: string; close: string }[];

/** The widget's settings: one row (id 1), edited by admins. */
export const visitorChatSettings = pgTable(
  "visitor_chat_settings",
  {
    id: smallint("id").primaryKey().default(1),
    timeZone: text("time_zone").notNull().default("UTC"),
    // day 0 = Sunday … 6 = Saturday; open/close "HH:MM" in timeZone; a day not listed is closed.
    weeklyHours: jsonb("weekly_hours")
      .$type<WeeklyHours>()
      .notNull()
      .default([1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }))),
    awayMessage: text("away_message").notNull().default("We're away right now. Leave your question and email, and a CS rep will write back."),
    requireEmail: boolean("require_email").notNull().default(false),
    cannedReplies: jsonb("canned_replies").$type<string[]>().notNull().default([]),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("visitor_chat_settings_single_row", sql`${t.id} = 1`)],
);

export type VisitorSession = typeof visitorSessions.$inferSelect;
export type VisitorMessage = typeof visitorMessages.$inferSelect;
export type VisitorChatSettings = typeof visitorChatSettings.$inferSelect;
