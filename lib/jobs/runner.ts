import { PgBoss } from "pg-boss";
import { logger } from "@/lib/log/logger";
import type { JobDefinition, RecurringTask } from "./types";

export type StartJobsOptions = {
  connectionString: string;
  definitions: JobDefinition<object>[];
  recurring?: RecurringTask[];
  /** false: only send jobs from this process (still needs a started pg-boss for its queue cache). */
  work?: boolean;
  /** How often an idle worker looks for new jobs; a job waits at most this long after commit. */
  pollingIntervalSeconds?: number;
};

type Running = { boss: PgBoss; timers: NodeJS.Timeout[] };

// One per process, on globalThis so Next's separately bundled instrumentation and route modules see
// the same instance.
const holder = globalThis as unknown as { nanoJobs?: Running; nanoJobsStarting?: Promise<PgBoss> };

/** The started queue of this process, if any (services enqueue through it). */
export function runningJobs(): PgBoss | undefined {
  return holder.nanoJobs?.boss;
}

/** Starts the one PostgreSQL job queue (pg-boss) of this process and its workers; a second call returns the first. */
export async function startJobs(options: StartJobsOptions): Promise<PgBoss> {
  if (holder.nanoJobs) return holder.nanoJobs.boss;
  holder.nanoJobsStarting ??= boot(options).finally(() => {
    holder.nanoJobsStarting = undefined;
  });
  return holder.nanoJobsStarting;
}

async function boot(options: StartJobsOptions): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: options.connectionString, max: 4, application_name: "nano-jobs" });
  // An error event without a listener would crash the process; a queue hiccup must not.
  boss.on("error", (error) => logger.error("job queue error", { error: error.message }));
  await boss.start();
  try {
    for (const definition of options.definitions) await ensureQueue(boss, definition);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  const timers: NodeJS.Timeout[] = [];
  if (options.work !== false) {
    // includeMetadata gives handlers retryCount and retryLimit, so they can tell the last attempt.
    const workOptions = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
    for (const definition of options.definitions) {
      await boss.work<object, void, typeof workOptions>(
        definition.name,
        workOptions,
        async (jobs) => {
          for (const job of jobs) await definition.handle(job);
        },
      );
    }
    for (const task of options.recurring ?? []) timers.push(every(task));
  }
  holder.nanoJobs = { boss, timers };
  return boss;
}

async function ensureQueue(boss: PgBoss, definition: JobDefinition<object>): Promise<void> {
  if (await boss.getQueue(definition.name)) {
    await boss.updateQueue(definition.name, definition.queue);
    return;
  }
  try {
    await boss.createQueue(definition.name, definition.queue);
  } catch (error) {
    // Another process started at the same moment and created it first.
    if (!(await boss.getQueue(definition.name))) throw error;
  }
}

function every(task: RecurringTask): NodeJS.Timeout {
  const tick = () =>
    task.run().catch((error: unknown) => logger.error("recurring task failed", { task: task.name, error: error instanceof Error ? error.message : String(error) }));
  setTimeout(tick, 1_000).unref();
  const timer = setInterval(tick, task.everySeconds * 1000);
  // Never what keeps a process alive.
  timer.unref();
  return timer;
}

/**
 * Stops the queue: workers finish the job in hand (up to `timeoutMs`), then connections close. A job
 * still running when the process dies stays active until its expiry and is then retried.
 */
export async function stopJobs({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const running = holder.nanoJobs;
  if (!running) return;
  holder.nanoJobs = undefined;
  for (const timer of running.timers) clearInterval(timer);
  await running.boss.stop({ graceful: true, timeout: timeoutMs });
}
