import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const serviceType = pgEnum("service_type", ["writing", "homework", "exam"]);
export const assignmentStatus = pgEnum("assignment_status", ["submitted", "assigned", "in_progress", "delivered", "revision_requested", "completed", "cancelled"]);
export const assignmentFileKind = pgEnum("assignment_file_kind", ["brief", "delivery"]);
export const teacherRole = pgEnum("teacher_role", ["primary", "helper"]);
export const teacherAssignmentStatus = pgEnum("teacher_assignment_status", ["pending", "accepted", "declined", "removed"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Replaced by a BEFORE INSERT trigger drawing from assignment_code_seq (migration assignment_codes).
    code: text("code").notNull().unique().default(""),
    studentId: uuid("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    serviceType: serviceType("service_type").notNull(),
    title: text("title").notNull(),
    subject: text("subject").notNull(),
    instructions: text("instructions").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    // The zone the student chose the due date in, so it is shown back the way they entered it.
    dueTimeZone: text("due_time_zone").notNull(),
    status: assignmentStatus("status").notNull().default("submitted"),
    // Bumped by every change; forms send the version they were rendered with (optimistic locking).
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assignments_student_created_idx").on(t.studentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("assignments_student_status_created_idx").on(t.studentId, t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Serves the staff queue (status = submitted, oldest first) and the staff status filter.
    index("assignments_status_created_idx").on(t.status, t.createdAt, t.id),
    index("assignments_service_status_created_idx").on(t.serviceType, t.status, t.createdAt, t.id),
    // ORDER BY … DESC puts nulls first; the indexes say so too, or PostgreSQL sorts instead of reading in order.
    index("assignments_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("assignments_title_trgm_idx").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
    index("assignments_subject_trgm_idx").using("gin", sql`lower(${t.subject}) gin_trgm_ops`),
    // Staff column sorts (due, status, title), each with the id that keeps offset pages stable;
    // read backwards for the descending direction.
    index("assignments_due_sort_idx").on(t.dueAt, t.id),
    index("assignments_status_sort_idx").on(t.status, t.id),
    index("assignments_title_sort_idx").on(sql`lower(${t.title})`, t.id),
  ],
);

export const writingDetails = pgTable("writing_details", {
  assignmentId: uuid("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  academicLevel: text("academic_level").notNull(),
  pages: integer("pages"),
  wordCount: integer("word_count"),
  citationStyle: text("citation_style").notNull(),
  paperType: text("paper_type").notNull(),
});

export const homeworkDetails = pgTable("homework_details", {
  assignmentId: uuid("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  problemCount: integer("problem_count").notNull(),
  courseLevel: text("course_level").notNull(),
});

export const examDetails = pgTable("exam_details", {
  assignmentId: uuid("assignment_id")
    .primaryKey()
    .references(() => assignments.id, { onDelete: "cascade" }),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  timeZone: text("time_zone").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  platform: text("platform").notNull(),
  topics: text("topics").notNull(),
});

export const teacherAssignments = pgTable(
  "teacher_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    role: teacherRole("role").notNull(),
    status: teacherAssignmentStatus("status").notNull().default("pending"),
    declineReason: text("decline_reason"),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    // Set when the assignment is completed or cancelled, so open workload is counted from a small
    // partial index instead of every row a teacher ever accepted.
    closedAt: timestamp("closed_at", { withTimezone: true }),
    // How the assignment ended (completed or cancelled), set with closed_at: the Completed tab reads a
    // teacher's finished work from their own rows without joining every assignment they ever closed.
    closedAs: assignmentStatus("closed_as"),
  },
  (t) => [
    // The database itself refuses a second live primary or the same teacher twice, whatever a bug does.
    uniqueIndex("teacher_assignments_one_primary_idx")
      .on(t.assignmentId)
      .where(sql`${t.role} = 'primary' and ${t.status} in ('pending', 'accepted')`),
    uniqueIndex("teacher_assignments_one_live_row_idx")
      .on(t.assignmentId, t.teacherId)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index("teacher_assignments_assignment_idx").on(t.assignmentId),
    index("teacher_assignments_teacher_status_idx").on(t.teacherId, t.status, t.createdAt.desc()),
    // A teacher's completed work, most recently closed first (the Completed tab, read and counted in
    // index order; role is in the key so neither needs a row visit).
    index("teacher_assignments_completed_idx")
      .on(t.teacherId, t.closedAt.desc(), t.assignmentId.desc(), t.role)
      .where(sql`${t.status} = 'accepted' and ${t.closedAs} = 'completed'`),
    index("teacher_assignments_open_workload_idx")
      .on(t.teacherId)
      .where(sql`${t.status} in ('pending', 'accepted') and ${t.closedAt} is null`),
  ],
);

export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    notes: text("notes"),
    // Kept byte for byte as the teacher wrote it (code, math).
    textSolution: text("text_solution"),
    examScore: text("exam_score"),
    examOutcome: text("exam_outcome"),
    late: boolean("late").notNull(),
    deliveredBy: uuid("delivered_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("deliveries_assignment_version_idx").on(t.assignmentId, t.version)],
);

export const assignmentFiles = pgTable(
  "assignment_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    kind: assignmentFileKind("kind").notNull(),
    deliveryId: uuid("delivery_id").references(() => deliveries.id, { onDelete: "cascade" }),
    // Random, never derived from the name: the only way to the bytes is this row.
    storageKey: text("storage_key").notNull().unique(),
    originalName: text("original_name").notNull(),
    displayName: text("display_name").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    mimeType: text("mime_type").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("assignment_files_assignment_idx").on(t.assignmentId, t.kind, t.createdAt),
    index("assignment_files_delivery_idx").on(t.deliveryId),
  ],
);

export const assignmentEvents = pgTable(
  "assignment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    // Null for the creation of the request.
    fromStatus: assignmentStatus("from_status"),
    toStatus: assignmentStatus("to_status").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("assignment_events_assignment_idx").on(t.assignmentId, t.createdAt, t.id)],
);

export type Assignment = typeof assignments.$inferSelect;
export type AssignmentStatus = (typeof assignmentStatus.enumValues)[number];
export type ServiceType = (typeof serviceType.enumValues)[number];
export type TeacherAssignment = typeof teacherAssignments.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type AssignmentFile = typeof assignmentFiles.$inferSelect;
export type AssignmentEvent = typeof assignmentEvents.$inferSelect;
export const assignmentStatuses = assignmentStatus.enumValues;
export const serviceTypes = serviceType.enumValues;
