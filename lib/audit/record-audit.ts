import type { Executor } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  metadata?: Record<string, unknown>;
};

/** Always called with the transaction of the change it records, so neither exists without the other. */
export async function recordAudit(tx: Executor, actor: Pick<Actor, "id" | "ip"> | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLogs).values({
    actorId: actor?.id ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    metadata: entry.metadata ?? {},
    ip: actor?.ip ?? null,
  });
}
