CREATE TYPE "public"."assignment_file_kind" AS ENUM('brief', 'delivery');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('submitted', 'assigned', 'in_progress', 'delivered', 'revision_requested', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."service_type" AS ENUM('writing', 'homework', 'exam');--> statement-breakpoint
CREATE TYPE "public"."teacher_assignment_status" AS ENUM('pending', 'accepted', 'declined', 'removed');--> statement-breakpoint
CREATE TYPE "public"."teacher_role" AS ENUM('primary', 'helper');--> statement-breakpoint
CREATE TABLE "assignment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"from_status" "assignment_status",
	"to_status" "assignment_status" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"kind" "assignment_file_kind" NOT NULL,
	"delivery_id" uuid,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"display_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"student_id" uuid NOT NULL,
	"service_type" "service_type" NOT NULL,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"instructions" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_time_zone" text NOT NULL,
	"status" "assignment_status" DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"notes" text,
	"text_solution" text,
	"exam_score" text,
	"exam_outcome" text,
	"late" boolean NOT NULL,
	"delivered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exam_details" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"platform" text NOT NULL,
	"topics" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "homework_details" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"problem_count" integer NOT NULL,
	"course_level" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"role" "teacher_role" NOT NULL,
	"status" "teacher_assignment_status" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "writing_details" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"academic_level" text NOT NULL,
	"pages" integer,
	"word_count" integer,
	"citation_style" text NOT NULL,
	"paper_type" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_delivered_by_users_id_fk" FOREIGN KEY ("delivered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_details" ADD CONSTRAINT "exam_details_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_details" ADD CONSTRAINT "homework_details_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_assignments" ADD CONSTRAINT "teacher_assignments_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_assignments" ADD CONSTRAINT "teacher_assignments_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_assignments" ADD CONSTRAINT "teacher_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "writing_details" ADD CONSTRAINT "writing_details_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_events_assignment_idx" ON "assignment_events" USING btree ("assignment_id","created_at","id");--> statement-breakpoint
CREATE INDEX "assignment_files_assignment_idx" ON "assignment_files" USING btree ("assignment_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "assignment_files_delivery_idx" ON "assignment_files" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "assignments_student_created_idx" ON "assignments" USING btree ("student_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assignments_student_status_created_idx" ON "assignments" USING btree ("student_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assignments_status_created_idx" ON "assignments" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "assignments_service_status_created_idx" ON "assignments" USING btree ("service_type","status","created_at","id");--> statement-breakpoint
CREATE INDEX "assignments_created_idx" ON "assignments" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "assignments_title_trgm_idx" ON "assignments" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assignments_subject_trgm_idx" ON "assignments" USING gin (lower("subject") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_assignment_version_idx" ON "deliveries" USING btree ("assignment_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_assignments_one_primary_idx" ON "teacher_assignments" USING btree ("assignment_id") WHERE "teacher_assignments"."role" = 'primary' and "teacher_assignments"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "teacher_assignments_one_live_row_idx" ON "teacher_assignments" USING btree ("assignment_id","teacher_id") WHERE "teacher_assignments"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "teacher_assignments_assignment_idx" ON "teacher_assignments" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "teacher_assignments_teacher_status_idx" ON "teacher_assignments" USING btree ("teacher_id","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "teacher_assignments_open_workload_idx" ON "teacher_assignments" USING btree ("teacher_id") WHERE "teacher_assignments"."status" in ('pending', 'accepted') and "teacher_assignments"."closed_at" is null;