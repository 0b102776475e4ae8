import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["student", "teacher", "cs_rep", "admin"]);
export const userStatus = pgEnum("user_status", ["active", "blocked"]);
export const accountTokenPurpose = pgEnum("account_token_purpose", ["password_reset", "email_verification", "account_setup"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored normalized (trimmed, lower case), so the unique index is case-insensitive in effect.
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    status: userStatus("status").notNull().default("active"),
    // Part of every JWT; bumping it ends every session issued before.
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The admin list orders by (created_at desc, id desc), whose nulls come first; the indexes
    // match it exactly so a page is read in order instead of sorted.
    index("users_role_status_created_idx").on(t.role, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("users_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("users_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
  ],
);

export const profiles = pgTable(
  "profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    // Always replaced by a BEFORE INSERT trigger drawing from one sequence per role
    // (migration public_ids); the empty default only lets inserts omit it.
    publicId: text("public_id").notNull().unique().default(""),
    fullName: text("full_name").notNull(),
    phone: text("phone"),
    timeZone: text("time_zone").notNull().default("UTC"),
    school: text("school"),
    level: text("level"),
    subjects: text("subjects").array().notNull().default(sql`'{}'::text[]`),
    bio: text("bio"),
    availabilityNote: text("availability_note"),
    title: text("title"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("profiles_full_name_trgm_idx").using("gin", sql`lower(${t.fullName}) gin_trgm_ops`)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    succeeded: boolean("succeeded").notNull(),
    // invalid_credentials | blocked | rate_limited | success
    outcome: text("outcome").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_created_idx").on(t.email, t.createdAt.desc()),
    index("login_attempts_ip_created_idx").on(t.ip, t.createdAt.desc()),
  ],
);

/**
 * Sessions ended by signing out. A JWT cannot be recalled, and a request already in flight can
 * even set its cookie again, so the session id it carries is refused from then on.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Past this the token has expired anyway, so the row can be deleted.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Single-use links sent by email (password reset, email verification). Only the SHA-256 of the
 * token is kept, so a copy of the database cannot be turned into working links.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_tokens_user_purpose_idx").on(t.userId, t.purpose)],
);

/**
 * Accounts that still have to confirm their email: self-registered students, from sign-up until
 * they open the emailed link. No row means confirmed (staff are set up by an admin; accounts from
 * before verification existed need nothing), so no other way of creating accounts has to know.
 */
export const pendingEmailVerifications = pgTable("pending_email_verifications", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per counted request (a reset link asked for, a verification resent), per bucket and key
 * (an email, an IP, a user id). Kept in PostgreSQL so every app instance counts the same requests.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_hits_bucket_key_created_idx").on(t.bucket, t.key, t.createdAt.desc())],
);

export type User = typeof users.$inferSelect;
export type AccountTokenPurpose = (typeof accountTokenPurpose.enumValues)[number];
export type Profile = typeof profiles.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
export const roles = userRole.enumValues;
