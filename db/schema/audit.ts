import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // SET NULL stays: the append-only trigger (migration audit_append_only) lets exactly that
    // change through, so erasing a person keeps the trail of what they did.
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The viewer reads newest first by (created_at, id); each filter has an index ending in that
  // order, so a filtered page is read in order instead of sorted (lib/audit/queries.scale.test.ts).
  // A target id is a uuid or a provider's event id: the type only narrows the few rows of one id.
  (t) => [
    index("audit_logs_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_logs_actor_idx").on(t.actorId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_logs_action_idx").on(t.action, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_logs_target_type_idx").on(t.targetType, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("audit_logs_target_idx").on(t.targetId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

export type AuditLog = typeof auditLogs.$inferSelect;
