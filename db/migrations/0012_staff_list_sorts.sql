CREATE INDEX "assignments_due_sort_idx" ON "assignments" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "assignments_status_sort_idx" ON "assignments" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "assignments_title_sort_idx" ON "assignments" USING btree (lower("title"),"id");--> statement-breakpoint
CREATE INDEX "invoices_due_sort_idx" ON "invoices" USING btree ("due_date","id");--> statement-breakpoint
CREATE INDEX "invoices_total_sort_idx" ON "invoices" USING btree ("total_minor","id");--> statement-breakpoint
CREATE INDEX "invoices_status_sort_idx" ON "invoices" USING btree ("status","id");