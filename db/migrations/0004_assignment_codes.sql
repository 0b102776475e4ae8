-- Assignment codes come from the database, like profile public ids: one sequence, never reused,
-- so two requests created at once cannot draw the same number.
CREATE SEQUENCE IF NOT EXISTS assignment_code_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assign_assignment_code() RETURNS trigger AS $$
BEGIN
  NEW.code := 'ASG-' || lpad(nextval('assignment_code_seq')::text, 6, '0');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assignments_code BEFORE INSERT ON assignments
  FOR EACH ROW EXECUTE FUNCTION assign_assignment_code();
