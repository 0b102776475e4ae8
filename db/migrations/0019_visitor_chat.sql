CREATE TYPE "public"."visitor_message_author" AS ENUM('visitor', 'staff');--> statement-breakpoint
CREATE TYPE "public"."visitor_session_status" AS ENUM('open', 'claimed', 'closed', 'converted');--> statement-breakpoint
CREATE TABLE "visitor_chat_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"weekly_hours" jsonb DEFAULT '[{"day":1,"open":"09:00","close":"17:00"},{"day":2,"open":"09:00","close":"17:00"},{"day":3,"open":"09:00","close":"17:00"},{"day":4,"open":"09:00","close":"17:00"},{"day":5,"open":"09:00","close":"17:00"}]'::jsonb NOT NULL,
	"away_message" text DEFAULT 'We''re away right now. Leave your question and email, and a CS rep will write back.' NOT NULL,
	"require_email" boolean DEFAULT false NOT NULL,
	"canned_replies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visitor_chat_settings_single_row" CHECK ("visitor_chat_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "pre_signin_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"author_kind" "visitor_message_author" NOT NULL,
	"author_id" uuid,
	"client_message_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pre_signin_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"status" "visitor_session_status" DEFAULT 'open' NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"page_url" text,
	"referrer" text,
	"time_zone" text,
	"user_agent" text,
	"ip" text,
	"verified_external_id" text,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"converted_user_id" uuid,
	"converted_thread_id" uuid,
	"converted_at" timestamp with time zone,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"last_message_at" timestamp with time zone,
	"visitor_read_seq" integer DEFAULT 0 NOT NULL,
	"staff_read_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visitor_chat_settings" ADD CONSTRAINT "visitor_chat_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_signin_messages" ADD CONSTRAINT "pre_signin_messages_session_id_pre_signin_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pre_signin_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_signin_messages" ADD CONSTRAINT "pre_signin_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_signin_sessions" ADD CONSTRAINT "pre_signin_sessions_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_signin_sessions" ADD CONSTRAINT "pre_signin_sessions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_signin_sessions" ADD CONSTRAINT "pre_signin_sessions_converted_user_id_users_id_fk" FOREIGN KEY ("converted_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_signin_sessions" ADD CONSTRAINT "pre_signin_sessions_converted_thread_id_threads_id_fk" FOREIGN KEY ("converted_thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pre_signin_messages_session_seq_idx" ON "pre_signin_messages" USING btree ("session_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "pre_signin_messages_client_id_idx" ON "pre_signin_messages" USING btree ("session_id","client_message_id");--> statement-breakpoint
CREATE INDEX "pre_signin_sessions_token_idx" ON "pre_signin_sessions" USING btree ("token_hash","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pre_signin_sessions_queue_idx" ON "pre_signin_sessions" USING btree ("offline","created_at") WHERE "pre_signin_sessions"."status" in ('open', 'claimed');--> statement-breakpoint
CREATE INDEX "pre_signin_sessions_email_idx" ON "pre_signin_sessions" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "pre_signin_sessions_created_idx" ON "pre_signin_sessions" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
-- The one settings row, so readers never meet an empty table.
INSERT INTO "visitor_chat_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
