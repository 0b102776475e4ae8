-- Invoice numbers INV-YYYY-NNNNN restart each year, so one global sequence will not do, and a
-- sequence per year would have to be created on the fly. Instead one counter row per year is bumped
-- with INSERT … ON CONFLICT DO UPDATE … RETURNING inside the approving transaction: the row lock
-- makes concurrent approvals take turns (never the same number), and a rolled-back approval rolls
-- its bump back too. Numbers are never reused: the counter only grows and the trigger below keeps
-- an issued number on its invoice for good (a void invoice keeps its number).
CREATE OR REPLACE FUNCTION next_invoice_number(issued_at timestamptz) RETURNS text AS $$
DECLARE
  y integer := extract(year FROM issued_at AT TIME ZONE 'UTC')::integer;
  n integer;
BEGIN
  INSERT INTO invoice_number_counters AS c (year, last_value) VALUES (y, 1)
    ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + 1
    RETURNING c.last_value INTO n;
  RETURN 'INV-' || y::text || '-' || lpad(n::text, 5, '0');
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION keep_invoice_number() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.number IS NOT NULL THEN
      RAISE EXCEPTION 'invoice % has been issued and cannot be deleted', OLD.number;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.number IS NOT NULL AND NEW.number IS DISTINCT FROM OLD.number THEN
    RAISE EXCEPTION 'invoice number % cannot be changed', OLD.number;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_keep_number BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION keep_invoice_number();
