-- Every student has a Support thread with the CS reps and admins: students who signed up before
-- threads existed get theirs here (later ones get it at sign-up).
INSERT INTO "threads" ("kind", "subject", "support_student_id", "created_by")
SELECT 'support', 'Support', u."id", u."id" FROM "users" u
WHERE u."role" = 'student' AND NOT EXISTS (SELECT 1 FROM "threads" t WHERE t."support_student_id" = u."id");
--> statement-breakpoint
INSERT INTO "thread_participants" ("thread_id", "user_id", "activity_at")
SELECT t."id", t."support_student_id", t."created_at" FROM "threads" t WHERE t."kind" = 'support'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "thread_participants" ("thread_id", "user_id", "activity_at")
SELECT t."id", s."id", t."created_at" FROM "threads" t CROSS JOIN "users" s
WHERE t."kind" = 'support' AND s."role" IN ('cs_rep', 'admin') AND s."status" = 'active'
ON CONFLICT DO NOTHING;
