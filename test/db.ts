import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { ensureDatabase } from "@/scripts/lib/embedded-postgres";

let opened: Promise<{ db: Database; end(): Promise<void> }> | undefined;

/** A database of this test file's own, cloned from the migrated template on first use. */
export async function testDb(): Promise<Database> {
  opened ??= (async () => {
    const adminUrl = inject("postgresAdminUrl");
    const name = `test_${randomBytes(6).toString("hex")}`;
    await ensureDatabase(adminUrl, name, "nano_template");
    const { db, pool } = createDatabase(adminUrl.replace(/\/postgres$/, `/${name}`), 5);
    return { db, end: () => pool.end() };
  })();
  return (await opened).db;
}

afterAll(async () => {
  if (opened) await (await opened).end();
});
