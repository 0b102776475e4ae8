import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Facts a notification's text is rendered from at read time, so a moment is shown in the viewer's
 * zone rather than baked into the stored text: `dueAt` an ISO instant, `dueDate` a calendar day,
 * `startsAt` the ISO instant a meeting starts.
 */
export type NotificationData = { dueAt?: string; dueDate?: string; startsAt?: string };

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    data: jsonb("data").$type<NotificationData>(),
    // Names the task a notification asks for ("invoice:<id>:approval"); doing the task resolves it for every recipient.
    taskKey: text("task_key"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Matches the list's order (created_at desc, id desc, nulls first) so pages are read, not sorted.
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_open_task_idx").on(t.taskKey).where(sql`${t.taskKey} is not null and ${t.resolvedAt} is null`),
  ],
);

export type Notification = typeof notifications.$inferSelect;

/**
 * A person's choice per kind of notification email (lib/notifications/email-kinds.ts). No row means
 * the kind's default (on); a row is written when they save their preferences or unsubscribe.
 */
export const notificationEmailPreferences = pgTable(
  "notification_email_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    emailEnabled: boolean("email_enabled").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
