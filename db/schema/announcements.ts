import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Who an announcement is for: a role group, everyone, or the people chosen in announcement_recipients. */
export const announcementAudience = pgEnum("announcement_audience", ["everyone", "students", "teachers", "staff", "users"]);
export const announcementSeverity = pgEnum("announcement_severity", ["info", "warning"]);

export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    // Kept as typed; rendered and sanitized on the server each time it is shown.
    bodyMarkdown: text("body_markdown").notNull(),
    audience: announcementAudience("audience").notNull(),
    severity: announcementSeverity("severity").notNull().default("info"),
    // When it is due to go out; the sweep publishes rows whose time has come.
    publishAt: timestamp("publish_at", { withTimezone: true }).notNull(),
    // Set once, by whoever claims it (the create service or one sweep): the bells ring exactly then.
    publishedAt: timestamp("published_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    pinned: boolean("pinned").notNull().default(false),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    unpublishedAt: timestamp("unpublished_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // Bumped by every change; the edit form sends the version it was rendered with.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("announcements_expiry_after_publish", sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.publishAt}`),
    // The sweep's claim reads only the few rows still waiting.
    index("announcements_due_idx").on(t.publishAt).where(sql`${t.publishedAt} is null and ${t.unpublishedAt} is null`),
    // Banners and the Announcements page read the live ones, newest first.
    index("announcements_live_idx").on(t.publishedAt.desc()).where(sql`${t.publishedAt} is not null and ${t.unpublishedAt} is null`),
    index("announcements_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("announcements_title_trgm_idx").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

/** The chosen people of an announcement whose audience is "users". */
export const announcementRecipients = pgTable(
  "announcement_recipients",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] }), index("announcement_recipients_user_idx").on(t.userId)],
);

/** A banner a person closed stays closed for them (the announcement stays on the Announcements page). */
export const announcementDismissals = pgTable(
  "announcement_dismissals",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.announcementId] })],
);

export type Announcement = typeof announcements.$inferSelect;
export type AnnouncementAudience = (typeof announcementAudience.enumValues)[number];
export type AnnouncementSeverity = (typeof announcementSeverity.enumValues)[number];
