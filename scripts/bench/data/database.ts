import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateWithLock } from "../../lib/database";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/embedded-postgres";
import { findFreePort } from "../../lib/ports";
import { generateBenchData, generatedScale, type GenerationReport } from "./generate";

export type BenchDatabase = { url: string; dir: string; report: GenerationReport | null; stop(options?: { keepDir?: boolean }): Promise<void> };

/**
 * A throwaway embedded PostgreSQL (a temp dir unless `dir` is given, never the project's .data)
 * holding the bench data of `scale`: generated on first use, reused when `dir` already holds it.
 */
export async function openBenchDatabase({ scale, dir, log }: { scale: number; dir?: string; log: (line: string) => void }): Promise<BenchDatabase> {
  const root = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), `nano-bench-data-${scale}-`));
  fs.mkdirSync(root, { recursive: true });
  // As root PostgreSQL runs as the postgres user, who must be able to enter the directory.
  fs.chmodSync(root, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), port: await findFreePort(), ephemeral: true, notice: log });
  const stop = async ({ keepDir = Boolean(dir) } = {}) => {
    await database.stop().catch(() => {});
    if (!keepDir) fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(database.adminUrl, "bench");
    const url = database.urlFor("bench");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const existing = await generatedScale(client);
      if (existing !== null) {
        if (existing !== scale) throw new Error(`${root} holds scale ${existing} data, not scale ${scale}`);
        log(`reusing the scale ${scale} data in ${root}`);
        return { url, dir: root, report: null, stop };
      }
      const users = await client.query("select to_regclass('public.users') is not null as migrated");
      if (users.rows[0].migrated && Number((await client.query("select count(*) from users")).rows[0].count) > 0) throw new Error(`${root} holds data that is not bench data`);
      await migrateWithLock(url);
      log(`generating scale ${scale} into ${root}`);
      const report = await generateBenchData(client, scale, log);
      return { url, dir: root, report, stop };
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

export function printGenerationReport(report: GenerationReport, print: (line: string) => void): void {
  print(`\n| table (scale ${report.scale}) | rows | load s | index s |\n|---|---:|---:|---:|`);
  for (const t of report.tables) print(`| ${t.table} | ${t.rows.toLocaleString("en")} | ${t.loadSeconds.toFixed(1)} | ${t.indexSeconds.toFixed(1)} |`);
  print(`\nscale ${report.scale}: generated in ${report.seconds.toFixed(1)} s${report.orphans.length ? `; foreign keys broken: ${report.orphans.join(", ")}` : "; every foreign key satisfied"}`);
}
