import pg from "pg";
import { migrateDatabase } from "@/db/migrate";
import { errorText } from "./fail";

export async function checkDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(`cannot connect to DATABASE_URL (${errorText(error)})`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Serialized by an advisory lock, so several instances starting at once migrate once. */
export async function migrateWithLock(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(728341)");
    await migrateDatabase(url);
  } catch (error) {
    throw new Error(`migration failed (${errorText(error)})`);
  } finally {
    await client.query("select pg_advisory_unlock(728341)").catch(() => {});
    await client.end().catch(() => {});
  }
}
