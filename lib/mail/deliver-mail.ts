import { and, eq, ne, sql } from "drizzle-orm";
import type { QueueOptions } from "pg-boss";
import type { Database } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import type { JobDefinition } from "@/lib/jobs/types";
import { logger } from "@/lib/log/logger";
import { DELIVER_MAIL } from "./deliver-job-name";
import type { MailTransport } from "./transport";

export type DeliverMailData = { outboxId: string };

// About ten attempts over some eight hours (30 s, 1 min, 2 min … capped at an hour): a relay that is
// down for the night still gets the message out in the morning.
export const DELIVER_MAIL_QUEUE: QueueOptions = {
  retryLimit: 10,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
  // A worker that dies mid-send leaves the job active; after this it is retried.
  expireInSeconds: 120,
  deleteAfterSeconds: 7 * 24 * 3600,
};

/**
 * Delivers one outbox message, once. The row is locked while sending, and marked sent in the same
 * transaction, so a duplicate or retried job finds it sent and does nothing. A failure records why
 * and rethrows, so pg-boss retries with backoff; after the last attempt the row is marked failed
 * and kept. Never logs the message body (it may hold a reset link).
 */
export function createDeliverMailJob(deps: { db: Database; transport: MailTransport; queue?: QueueOptions }): JobDefinition<DeliverMailData> {
  const { db, transport } = deps;
  return {
    name: DELIVER_MAIL,
    queue: deps.queue ?? DELIVER_MAIL_QUEUE,
    async handle(job) {
      const { outboxId } = job.data;
      try {
        await db.transaction(async (tx) => {
          const [message] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, outboxId)).for("update");
          if (!message || message.status === "sent") return;
          const { messageId } = await transport.send(message);
          await tx
            .update(mailOutbox)
            .set({ status: "sent", sentAt: new Date(), transport: transport.name, messageId, attempts: message.attempts + 1, lastError: null })
            .where(eq(mailOutbox.id, outboxId));
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const lastAttempt = job.retryCount >= job.retryLimit;
        await db
          .update(mailOutbox)
          .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: reason.slice(0, 1000), ...(lastAttempt ? { status: "failed" as const } : {}) })
          .where(and(eq(mailOutbox.id, outboxId), ne(mailOutbox.status, "sent")));
        logger.warn(lastAttempt ? "mail delivery failed for good" : "mail delivery failed; will retry", { outboxId, attempt: job.retryCount + 1, error: reason });
        throw error;
      }
    },
  };
}
