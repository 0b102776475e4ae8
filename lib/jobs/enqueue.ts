import { sql } from "drizzle-orm";
import { fromDrizzle, type SendOptions } from "pg-boss";
import type { Executor } from "@/db/client";
import { logger } from "@/lib/log/logger";
import { runningJobs } from "./runner";

/**
 * Adds a job in the caller's transaction (pg-boss writes it through the `db` option), so the job
 * exists exactly when the change that asked for it commits. Runs in a savepoint: if the queue is
 * not started in this process or the insert fails, the caller's change still commits, and the job
 * id returned is null so the caller can leave a trace for a sweeper.
 */
export async function enqueueInTransaction(tx: Executor, name: string, data: object, options: Omit<SendOptions, "db"> = {}): Promise<string | null> {
  const boss = runningJobs();
  if (!boss) {
    logger.warn("job queue not started in this process; job left for the sweeper", { queue: name });
    return null;
  }
  try {
    return await tx.transaction(async (savepoint) => boss.send(name, data, { ...options, db: fromDrizzle(savepoint, sql) }));
  } catch (error) {
    logger.error("could not enqueue job; left for the sweeper", { queue: name, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
