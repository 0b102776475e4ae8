import { bigint, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { assignmentStatus } from "./assignments";
import { userRole } from "./auth";

/**
 * Assignments per status, kept by the trigger assignment_status_totals (migration
 * dashboard_totals) in the transaction of each change, so the admin's chart reads seven rows
 * instead of counting every assignment.
 */
export const assignmentStatusTotals = pgTable("assignment_status_totals", {
  status: assignmentStatus("status").primaryKey(),
  assignments: integer("assignments").notNull(),
});

/** Accounts per role, kept the same way (trigger users_role_totals): the admin's "users by role". */
export const userRoleTotals = pgTable("user_role_totals", {
  role: userRole("role").primaryKey(),
  users: integer("users").notNull(),
});

/**
 * Net money per currency and 15-minute slot (UTC), kept by triggers on payments and refunds in the
 * same transaction: captured payments add at paid_at, succeeded refunds subtract at confirmed_at.
 * Every time zone's offset is a whole number of quarter hours, so a month in any zone is a whole
 * run of slots, and 12 months of revenue read at most 35,000 rows however many payments there are.
 */
export const revenueSlots = pgTable(
  "revenue_slots",
  {
    currency: text("currency").notNull(),
    slot: timestamp("slot", { withTimezone: true }).notNull(),
    netMinor: bigint("net_minor", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.slot] })],
);
