import type { JobWithMetadata, QueueOptions } from "pg-boss";

/**
 * One kind of background work: a queue name, how its jobs retry, and what one job does. A handler
 * that throws fails the attempt; pg-boss retries it with the queue's backoff until retryLimit.
 */
export type JobDefinition<T extends object = object> = {
  name: string;
  queue: QueueOptions;
  handle(job: JobWithMetadata<T>): Promise<void>;
};

/** Work done on a timer in every worker process (cheap and safe to run twice at once). */
export type RecurringTask = { name: string; everySeconds: number; run: () => Promise<void> };
