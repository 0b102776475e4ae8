ALTER TABLE "notifications" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "task_key" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_open_task_idx" ON "notifications" USING btree ("task_key") WHERE "notifications"."task_key" is not null and "notifications"."resolved_at" is null;--> statement-breakpoint
-- Issued-invoice bodies were stored as "Due 2026-12-13."; keep the day as data, rendered in words at read time.
UPDATE "notifications" SET "data" = jsonb_build_object('dueDate', substring("body" from '^Due (\d{4}-\d{2}-\d{2})\.$')), "body" = NULL WHERE "type" = 'invoice.issued' AND "body" ~ '^Due \d{4}-\d{2}-\d{2}\.$';
