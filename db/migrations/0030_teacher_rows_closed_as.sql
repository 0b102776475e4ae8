DROP INDEX "teacher_assignments_closed_idx";--> statement-breakpoint
ALTER TABLE "teacher_assignments" ADD COLUMN "closed_as" "assignment_status";--> statement-breakpoint
-- Rows closed before this column existed learn how their assignment ended.
UPDATE "teacher_assignments" SET "closed_as" = "assignments"."status" FROM "assignments" WHERE "assignments"."id" = "teacher_assignments"."assignment_id" AND "teacher_assignments"."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "teacher_assignments_completed_idx" ON "teacher_assignments" USING btree ("teacher_id","closed_at" DESC NULLS LAST,"assignment_id" DESC NULLS LAST,"role") WHERE "teacher_assignments"."status" = 'accepted' and "teacher_assignments"."closed_as" = 'completed';
