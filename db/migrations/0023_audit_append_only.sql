-- Each viewer filter reads a page in its own order: (filter, created_at desc, id desc), nulls first
-- as ORDER BY … DESC has them, so the index gives the order instead of a sort.
DROP INDEX "audit_logs_created_idx";--> statement-breakpoint
DROP INDEX "audit_logs_target_idx";--> statement-breakpoint
DROP INDEX "audit_logs_actor_idx";--> statement-breakpoint
CREATE INDEX "audit_logs_created_idx" ON "audit_logs" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_logs_actor_idx" ON "audit_logs" USING btree ("actor_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_logs_action_idx" ON "audit_logs" USING btree ("action","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_logs_target_type_idx" ON "audit_logs" USING btree ("target_type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_logs_target_idx" ON "audit_logs" USING btree ("target_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
-- Audit rows are written once and never changed or removed, by the app or by hand. The one change
-- let through is the foreign key's ON DELETE SET NULL: when a person's user row is deleted, their
-- rows lose the actor and keep everything else, so erasing a person never erases what they did.
CREATE OR REPLACE FUNCTION refuse_audit_log_change() RETURNS trigger AS $$
BEGIN
  -- Nested, not one AND: OLD and NEW exist only for a row-level UPDATE (this also refuses TRUNCATE).
  IF TG_OP = 'UPDATE' THEN
    IF OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
       AND (NEW.id, NEW.action, NEW.target_type, NEW.target_id, NEW.metadata, NEW.ip, NEW.created_at)
           IS NOT DISTINCT FROM (OLD.id, OLD.action, OLD.target_type, OLD.target_id, OLD.metadata, OLD.ip, OLD.created_at)
       AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.actor_id)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new audit row instead of changing one.';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();
