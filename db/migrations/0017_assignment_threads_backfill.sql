-- Assignments whose primary teacher accepted before threads existed get their thread: the student,
-- the teachers who accepted, and the active CS reps and admins (later ones open on acceptance).
INSERT INTO "threads" ("kind", "subject", "assignment_id", "created_by", "created_at")
SELECT 'assignment', a."code" || ': ' || a."title", a."id", ta."teacher_id", coalesce(ta."responded_at", a."created_at")
FROM "assignments" a
JOIN "teacher_assignments" ta ON ta."assignment_id" = a."id" AND ta."role" = 'primary' AND ta."status" = 'accepted'
WHERE NOT EXISTS (SELECT 1 FROM "threads" t WHERE t."assignment_id" = a."id");
--> statement-breakpoint
INSERT INTO "thread_participants" ("thread_id", "user_id", "activity_at")
SELECT t."id", a."student_id", t."created_at" FROM "threads" t JOIN "assignments" a ON a."id" = t."assignment_id"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "thread_participants" ("thread_id", "user_id", "activity_at")
SELECT t."id", ta."teacher_id", t."created_at" FROM "threads" t
JOIN "teacher_assignments" ta ON ta."assignment_id" = t."assignment_id" AND ta."status" = 'accepted'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "thread_participants" ("thread_id", "user_id", "activity_at")
SELECT t."id", s."id", t."created_at" FROM "threads" t CROSS JOIN "users" s
WHERE t."kind" = 'assignment' AND s."role" IN ('cs_rep', 'admin') AND s."status" = 'active'
ON CONFLICT DO NOTHING;
