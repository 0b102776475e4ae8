import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import type { RecurringTask } from "@/lib/jobs/types";
import { DELIVER_MAIL } from "./deliver-job-name";

/**
 * Gives a delivery job to any message written without one (queued from a process whose job queue
 * was not running, e.g. a script), so no message waits forever.
 */
export function sweepUnqueuedMail(db: Database, { olderThanSeconds = 30 } = {}): RecurringTask {
  return {
    name: "mail.sweep-unqueued",
    everySeconds: 60,
    async run() {
      const stale = await db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, "queued"), isNull(mailOutbox.jobId), lt(mailOutbox.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`)))
        .limit(100);
      for (const { id } of stale) {
        await db.transaction(async (tx) => {
          // Another worker may be sweeping the same row.
          const [row] = await tx.select({ id: mailOutbox.id }).from(mailOutbox).where(and(eq(mailOutbox.id, id), isNull(mailOutbox.jobId))).for("update", { skipLocked: true });
          if (!row) return;
          const jobId = await enqueueInTransaction(tx, DELIVER_MAIL, { outboxId: id });
          if (jobId) await tx.update(mailOutbox).set({ jobId }).where(eq(mailOutbox.id, id));
        });
      }
    },
  };
}
