-- Public IDs come from the database: one sequence per role, never reused.
CREATE SEQUENCE IF NOT EXISTS student_public_id_seq;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS teacher_public_id_seq;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS cs_rep_public_id_seq;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS admin_public_id_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assign_profile_public_id() RETURNS trigger AS $$
DECLARE
  user_role_value user_role;
BEGIN
  SELECT role INTO user_role_value FROM users WHERE id = NEW.user_id;
  NEW.public_id := CASE user_role_value
    WHEN 'student' THEN 'STU-' || lpad(nextval('student_public_id_seq')::text, 6, '0')
    WHEN 'teacher' THEN 'TCH-' || lpad(nextval('teacher_public_id_seq')::text, 6, '0')
    WHEN 'cs_rep' THEN 'CSR-' || lpad(nextval('cs_rep_public_id_seq')::text, 6, '0')
    WHEN 'admin' THEN 'ADM-' || lpad(nextval('admin_public_id_seq')::text, 6, '0')
  END;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER profiles_public_id BEFORE INSERT ON profiles
  FOR EACH ROW EXECUTE FUNCTION assign_profile_public_id();
