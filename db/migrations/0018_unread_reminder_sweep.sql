ALTER TABLE "thread_participants" ADD COLUMN "unread_since" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "thread_participants_bell_due_idx" ON "thread_participants" USING btree ("unread_since") WHERE "thread_participants"."unread_since" is not null and "thread_participants"."notified_at" is null;--> statement-breakpoint
CREATE INDEX "thread_participants_email_due_idx" ON "thread_participants" USING btree ("unread_since") WHERE "thread_participants"."unread_since" is not null and "thread_participants"."emailed_at" is null;--> statement-breakpoint
UPDATE "thread_participants" SET "unread_since" = "activity_at" WHERE "unread_count" > 0 AND "left_at" IS NULL;
