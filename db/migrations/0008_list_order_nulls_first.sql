DROP INDEX "assignments_student_created_idx";--> statement-breakpoint
DROP INDEX "assignments_student_status_created_idx";--> statement-breakpoint
DROP INDEX "assignments_created_idx";--> statement-breakpoint
DROP INDEX "invoices_student_created_idx";--> statement-breakpoint
DROP INDEX "invoices_student_status_created_idx";--> statement-breakpoint
DROP INDEX "invoices_status_created_idx";--> statement-breakpoint
DROP INDEX "invoices_created_idx";--> statement-breakpoint
CREATE INDEX "assignments_student_created_idx" ON "assignments" USING btree ("student_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "assignments_student_status_created_idx" ON "assignments" USING btree ("student_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "assignments_created_idx" ON "assignments" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invoices_student_created_idx" ON "invoices" USING btree ("student_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invoices_student_status_created_idx" ON "invoices" USING btree ("student_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invoices_status_created_idx" ON "invoices" USING btree ("status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invoices_created_idx" ON "invoices" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);