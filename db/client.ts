import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db-availability";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Services accept either, so a caller can compose them inside its own transaction. */
export type Executor = Database | Transaction;

export function createDatabase(url: string, max = 10): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (error) => {
    // An idle connection ended by a restart or failover is expected: the next query opens a new one.
    if (isDatabaseUnavailable(error)) logger.warn("idle database connection dropped", { error: error.message });
    else logger.error("database pool error", { error: error.message });
  });
  return { db: drizzle(pool, { schema }), pool };
}

// Survives Next's dev reloads so each edit does not open a new pool.
const globalForDb = globalThis as unknown as { nanoDb?: Database };

export function getDb(): Database {
  if (!globalForDb.nanoDb) {
    const env = serverEnv();
    globalForDb.nanoDb = createDatabase(env.DATABASE_URL, env.DATABASE_POOL_MAX).db;
  }
  return globalForDb.nanoDb;
}
