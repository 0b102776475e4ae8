import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assignmentFiles, messageAttachments } from "@/db/schema";
import { serverEnv } from "@/lib/env";
import type { RecurringTask } from "@/lib/jobs/types";
import { logger } from "@/lib/log/logger";
import type { StorageDriver } from "./driver";
import { defaultFileStore } from "./index";
import { discardStoredFiles } from "./uploads";

/**
 * Files are stored before the transaction that records them (lib/assignments/files.ts), so a process
 * killed in between, or a cleanup that failed, leaves bytes no row points to. The default hour
 * (STRAY_FILE_GRACE_SECONDS) is far longer than any request stays between storing and committing,
 * so nothing in flight is taken.
 */
export const STRAY_FILE_GRACE_SECONDS = 3600;

// Keys checked against the database per query, and at most this many examined per run.
const BATCH = 500;
const MAX_PER_RUN = 20_000;

/** The keys among `keys` that some row still points to. */
async function recordedKeys(db: Database, keys: string[]): Promise<Set<string>> {
  const [files, attachments] = await Promise.all([
    db.select({ key: assignmentFiles.storageKey }).from(assignmentFiles).where(inArray(assignmentFiles.storageKey, keys)),
    db.select({ key: messageAttachments.storageKey }).from(messageAttachments).where(inArray(messageAttachments.storageKey, keys)),
  ]);
  return new Set([...files, ...attachments].map((row) => row.key));
}

/**
 * Removes stored files older than the grace period that no assignment file or message attachment
 * records (and a local driver's abandoned partial writes). Listing comes first and removal after,
 * since removing while paging through a listing would shift its pages.
 */
export async function sweepStrayFiles(db: Database, storage: StorageDriver, { olderThanSeconds = STRAY_FILE_GRACE_SECONDS, now = new Date() } = {}): Promise<{ removed: string[]; partials: number }> {
  const before = new Date(now.getTime() - olderThanSeconds * 1000);
  const candidates: string[] = [];
  for await (const object of storage.list()) {
    if (object.storedAt < before) candidates.push(object.key);
    if (candidates.length >= MAX_PER_RUN) break;
  }
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const recorded = await recordedKeys(db, batch);
    const stray = batch.filter((key) => !recorded.has(key));
    await discardStoredFiles(storage, stray);
    removed.push(...stray);
  }
  const partials = (await storage.removeAbandonedWrites?.(before)) ?? 0;
  if (removed.length > 0 || partials > 0) logger.info("stray files removed", { driver: storage.name, files: removed.length, partials });
  return { removed, partials };
}

/**
 * At start and hourly in every worker process; two processes sweeping at once only delete the same
 * files twice. Whatever the store holds that this database does not record is removed, so a store
 * (an UploadThing app) must not be shared with a deployment on another database.
 */
export function strayFileSweep(db: Database, storage: () => StorageDriver = () => defaultFileStore().storage): RecurringTask {
  return {
    name: "storage.sweep-stray-files",
    everySeconds: 3600,
    async run() {
      const grace = serverEnv().STRAY_FILE_GRACE_SECONDS;
      if (grace > 0) await sweepStrayFiles(db, storage(), { olderThanSeconds: grace });
    },
  };
}
