import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { findFreePort } from "../scripts/lib/ports";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export const TEMPLATE_DATABASE = "nano_template";

// One PostgreSQL per run; every test file clones the migrated template (test/db.ts).
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-vitest-pg-"));
  // The postgres system user must be able to reach its data directory inside.
  fs.chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await findFreePort(), ephemeral: true });
  await ensureDatabase(database.adminUrl, TEMPLATE_DATABASE);
  await migrateDatabase(database.urlFor(TEMPLATE_DATABASE));
  project.provide("postgresAdminUrl", database.adminUrl);
  return async () => {
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
