import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** Long enough for a busy database, short enough for a load balancer's probe (theirs time out at ~5 s). */
export const HEALTH_CHECK_TIMEOUT_MS = 2000;

/**
 * Whether `select 1` answers within the time allowed. A stopped server refuses at once; a hung
 * one (or a pool whose every connection is stuck) would wait forever, so the wait is cut short and
 * the query left to settle on its own.
 */
export async function isDatabaseReachable(db: Executor, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
