CREATE TABLE "invoice_totals" (
	"currency" text NOT NULL,
	"status" "invoice_status" NOT NULL,
	"due_date" date NOT NULL,
	"invoices" integer NOT NULL,
	"total_minor" bigint NOT NULL,
	"paid_minor" bigint NOT NULL,
	CONSTRAINT "invoice_totals_currency_status_due_date_pk" PRIMARY KEY("currency","status","due_date")
);
--> statement-breakpoint
-- Kept in the changing transaction. An update touching two keys takes them in one order (the
-- smaller first), so two invoices moving opposite ways between the same keys cannot deadlock.
CREATE OR REPLACE FUNCTION track_invoice_totals() RETURNS trigger AS $$
DECLARE
  old_first boolean := TG_OP = 'UPDATE' AND (OLD.currency, OLD.status::text, OLD.due_date) < (NEW.currency, NEW.status::text, NEW.due_date);
BEGIN
  IF TG_OP = 'DELETE' OR old_first THEN
    UPDATE invoice_totals SET invoices = invoices - 1, total_minor = total_minor - OLD.total_minor, paid_minor = paid_minor - OLD.paid_minor
    WHERE currency = OLD.currency AND status = OLD.status AND due_date = OLD.due_date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO invoice_totals AS t (currency, status, due_date, invoices, total_minor, paid_minor)
    VALUES (NEW.currency, NEW.status, NEW.due_date, 1, NEW.total_minor, NEW.paid_minor)
    ON CONFLICT (currency, status, due_date) DO UPDATE
      SET invoices = t.invoices + 1, total_minor = t.total_minor + EXCLUDED.total_minor, paid_minor = t.paid_minor + EXCLUDED.paid_minor;
  END IF;
  IF TG_OP = 'UPDATE' AND NOT old_first THEN
    UPDATE invoice_totals SET invoices = invoices - 1, total_minor = total_minor - OLD.total_minor, paid_minor = paid_minor - OLD.paid_minor
    WHERE currency = OLD.currency AND status = OLD.status AND due_date = OLD.due_date;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_totals AFTER INSERT OR DELETE OR UPDATE OF currency, status, due_date, total_minor, paid_minor ON invoices
  FOR EACH ROW EXECUTE FUNCTION track_invoice_totals();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clear_invoice_totals() RETURNS trigger AS $$
BEGIN
  TRUNCATE invoice_totals;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_totals_truncate AFTER TRUNCATE ON invoices FOR EACH STATEMENT EXECUTE FUNCTION clear_invoice_totals();
--> statement-breakpoint
INSERT INTO invoice_totals (currency, status, due_date, invoices, total_minor, paid_minor)
  SELECT currency, status, due_date, count(*), sum(total_minor), sum(paid_minor) FROM invoices GROUP BY currency, status, due_date;
