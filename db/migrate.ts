import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createDatabase } from "./client";

export const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export async function migrateDatabase(url: string): Promise<void> {
  const { db, pool } = createDatabase(url, 1);
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await pool.end();
  }
}
