CREATE TABLE "assignment_status_totals" (
	"status" "assignment_status" PRIMARY KEY NOT NULL,
	"assignments" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revenue_slots" (
	"currency" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"net_minor" bigint NOT NULL,
	CONSTRAINT "revenue_slots_currency_slot_pk" PRIMARY KEY("currency","slot")
);
--> statement-breakpoint
CREATE TABLE "user_role_totals" (
	"role" "user_role" PRIMARY KEY NOT NULL,
	"users" integer NOT NULL
);
--> statement-breakpoint
-- Kept in the changing transaction. A change touching two rows takes them in one order (the
-- smaller key first), so two changes moving opposite ways between the same keys cannot deadlock.
CREATE OR REPLACE FUNCTION add_assignment_status_total(s assignment_status, delta integer) RETURNS void AS $$
  INSERT INTO assignment_status_totals AS t (status, assignments) VALUES (s, delta)
  ON CONFLICT (status) DO UPDATE SET assignments = t.assignments + EXCLUDED.assignments;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION track_assignment_status_totals() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_assignment_status_total(NEW.status, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_assignment_status_total(OLD.status, -1);
  ELSIF OLD.status < NEW.status THEN
    PERFORM add_assignment_status_total(OLD.status, -1);
    PERFORM add_assignment_status_total(NEW.status, 1);
  ELSE
    PERFORM add_assignment_status_total(NEW.status, 1);
    PERFORM add_assignment_status_total(OLD.status, -1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assignments_status_totals AFTER INSERT OR DELETE ON assignments
  FOR EACH ROW EXECUTE FUNCTION track_assignment_status_totals();
--> statement-breakpoint
CREATE TRIGGER assignments_status_totals_moved AFTER UPDATE OF status ON assignments
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION track_assignment_status_totals();
--> statement-breakpoint
-- Counted afresh: after a TRUNCATE, and after a bulk load that ran with triggers off (bench data, scale tests).
CREATE OR REPLACE FUNCTION refresh_assignment_status_totals() RETURNS void AS $$
  DELETE FROM assignment_status_totals;
  INSERT INTO assignment_status_totals (status, assignments) SELECT status, count(*) FROM assignments GROUP BY status;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION recount_assignment_status_totals() RETURNS trigger AS $$
BEGIN
  PERFORM refresh_assignment_status_totals();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assignments_status_totals_truncate AFTER TRUNCATE ON assignments FOR EACH STATEMENT EXECUTE FUNCTION recount_assignment_status_totals();
--> statement-breakpoint
SELECT refresh_assignment_status_totals();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION revenue_slot_of(at timestamptz) RETURNS timestamptz AS $$
  SELECT to_timestamp(floor(extract(epoch FROM at) / 900) * 900);
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- What one payment or refund adds to its slot: the same rules as the revenue chart's (cash basis).
CREATE OR REPLACE FUNCTION payment_revenue(status payment_status, amount bigint, paid_at timestamptz) RETURNS bigint AS $$
  SELECT CASE WHEN paid_at IS NOT NULL AND status IN ('succeeded', 'partially_refunded', 'refunded', 'disputed') THEN amount ELSE 0 END;
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refund_revenue(status refund_status, amount bigint, confirmed_at timestamptz) RETURNS bigint AS $$
  SELECT CASE WHEN confirmed_at IS NOT NULL AND status = 'succeeded' THEN -amount ELSE 0 END;
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION add_revenue(cur text, at timestamptz, delta bigint) RETURNS void AS $$
  INSERT INTO revenue_slots AS t (currency, slot, net_minor) SELECT cur, revenue_slot_of(at), delta WHERE delta <> 0
  ON CONFLICT (currency, slot) DO UPDATE SET net_minor = t.net_minor + EXCLUDED.net_minor;
$$ LANGUAGE sql;
--> statement-breakpoint
-- An update may move money between two slots: the smaller (currency, slot) is written first.
CREATE OR REPLACE FUNCTION move_revenue(old_cur text, old_at timestamptz, old_delta bigint, new_cur text, new_at timestamptz, new_delta bigint) RETURNS void AS $$
BEGIN
  IF old_cur = new_cur AND revenue_slot_of(old_at) IS NOT DISTINCT FROM revenue_slot_of(new_at) THEN
    PERFORM add_revenue(new_cur, coalesce(new_at, old_at), new_delta - old_delta);
  ELSIF (old_cur, revenue_slot_of(old_at)) <= (new_cur, revenue_slot_of(new_at)) OR new_at IS NULL THEN
    PERFORM add_revenue(old_cur, old_at, -old_delta);
    PERFORM add_revenue(new_cur, new_at, new_delta);
  ELSE
    PERFORM add_revenue(new_cur, new_at, new_delta);
    PERFORM add_revenue(old_cur, old_at, -old_delta);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION track_payment_revenue() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_revenue(NEW.currency, NEW.paid_at, payment_revenue(NEW.status, NEW.amount_minor, NEW.paid_at));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_revenue(OLD.currency, OLD.paid_at, -payment_revenue(OLD.status, OLD.amount_minor, OLD.paid_at));
  ELSE
    PERFORM move_revenue(OLD.currency, OLD.paid_at, payment_revenue(OLD.status, OLD.amount_minor, OLD.paid_at),
                         NEW.currency, NEW.paid_at, payment_revenue(NEW.status, NEW.amount_minor, NEW.paid_at));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_revenue AFTER INSERT OR DELETE OR UPDATE OF status, amount_minor, paid_at, currency ON payments
  FOR EACH ROW EXECUTE FUNCTION track_payment_revenue();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION track_refund_revenue() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_revenue(NEW.currency, NEW.confirmed_at, refund_revenue(NEW.status, NEW.amount_minor, NEW.confirmed_at));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_revenue(OLD.currency, OLD.confirmed_at, -refund_revenue(OLD.status, OLD.amount_minor, OLD.confirmed_at));
  ELSE
    PERFORM move_revenue(OLD.currency, OLD.confirmed_at, refund_revenue(OLD.status, OLD.amount_minor, OLD.confirmed_at),
                         NEW.currency, NEW.confirmed_at, refund_revenue(NEW.status, NEW.amount_minor, NEW.confirmed_at));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER refunds_revenue AFTER INSERT OR DELETE OR UPDATE OF status, amount_minor, confirmed_at, currency ON refunds
  FOR EACH ROW EXECUTE FUNCTION track_refund_revenue();
--> statement-breakpoint
-- Summed afresh: after a TRUNCATE of payments or refunds, and after a bulk load that ran with triggers off.
CREATE OR REPLACE FUNCTION refresh_revenue_slots() RETURNS void AS $$
  DELETE FROM revenue_slots;
  INSERT INTO revenue_slots (currency, slot, net_minor)
    SELECT currency, revenue_slot_of(at), sum(delta) FROM (
      SELECT currency, paid_at AS at, payment_revenue(status, amount_minor, paid_at) AS delta FROM payments
      UNION ALL
      SELECT currency, confirmed_at, refund_revenue(status, amount_minor, confirmed_at) FROM refunds
    ) moves WHERE delta <> 0 GROUP BY 1, 2;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION resum_revenue_slots() RETURNS trigger AS $$
BEGIN
  PERFORM refresh_revenue_slots();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_revenue_truncate AFTER TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION resum_revenue_slots();
--> statement-breakpoint
CREATE TRIGGER refunds_revenue_truncate AFTER TRUNCATE ON refunds FOR EACH STATEMENT EXECUTE FUNCTION resum_revenue_slots();
--> statement-breakpoint
SELECT refresh_revenue_slots();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION add_user_role_total(r user_role, delta integer) RETURNS void AS $$
  INSERT INTO user_role_totals AS t (role, users) VALUES (r, delta)
  ON CONFLICT (role) DO UPDATE SET users = t.users + EXCLUDED.users;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION track_user_role_totals() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_user_role_total(NEW.role, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_user_role_total(OLD.role, -1);
  ELSIF OLD.role < NEW.role THEN
    PERFORM add_user_role_total(OLD.role, -1);
    PERFORM add_user_role_total(NEW.role, 1);
  ELSE
    PERFORM add_user_role_total(NEW.role, 1);
    PERFORM add_user_role_total(OLD.role, -1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_role_totals AFTER INSERT OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION track_user_role_totals();
--> statement-breakpoint
CREATE TRIGGER users_role_totals_moved AFTER UPDATE OF role ON users
  FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION track_user_role_totals();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_user_role_totals() RETURNS void AS $$
  DELETE FROM user_role_totals;
  INSERT INTO user_role_totals (role, users) SELECT role, count(*) FROM users GROUP BY role;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION recount_user_role_totals() RETURNS trigger AS $$
BEGIN
  PERFORM refresh_user_role_totals();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_role_totals_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION recount_user_role_totals();
--> statement-breakpoint
SELECT refresh_user_role_totals();
