import type pg from "pg";
import { dummyPasswordHash, hashPassword } from "@/lib/auth/passwords";
import { assignmentsLoader } from "./assignments";
import { auditLoader } from "./audit";
import { communicationLoader } from "./communication";
import { invoicesLoader } from "./invoices";
import { notificationsLoader } from "./notifications";
import { peopleLoader } from "./people";
import { BENCH_PASSWORD, shapeFor, type Loader } from "./shape";
import { threadsLoader } from "./threads";

export type TableReport = { table: string; rows: number; loadSeconds: number; indexSeconds: number };
export type GenerationReport = { scale: number; tables: TableReport[]; seconds: number; orphans: string[] };

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Fills an empty, migrated database as a restore would: every secondary index dropped, rows
 * inserted set-based with triggers and foreign-key checks off (the plans keep them true), then the
 * indexes rebuilt from their migrated definitions (which also re-checks every unique one), the
 * sequences moved past the generated numbers, each foreign key checked by an anti-join, ANALYZE.
 */
export async function generateBenchData(client: pg.ClientBase, scale: number, log: (line: string) => void): Promise<GenerationReport> {
  const started = performance.now();
  const shape = shapeFor(scale);
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  // One real hash for the signed-in accounts; argon2 per row would take hours.
  const loaders: Loader[] = [peopleLoader(await hashPassword(BENCH_PASSWORD), await dummyPasswordHash()), assignmentsLoader, invoicesLoader, threadsLoader, auditLoader, notificationsLoader, communicationLoader];

  await q("select setseed(0.42)");
  await q("set maintenance_work_mem = '512MB'");
  await q("set work_mem = '128MB'");
  await q("set synchronous_commit = off");
  const { rows: indexes } = await q(
    `select tablename, indexname, indexdef from pg_indexes i
     where schemaname = 'public' and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes as Array<{ indexname: string }>) await q(`drop index "${index.indexname}"`);
  await q("set session_replication_role = replica");

  const tables = new Map<string, TableReport>();
  for (const loader of loaders) {
    const t0 = performance.now();
    await loader.load(client, shape);
    const took = seconds(t0);
    let total = 0;
    for (const table of loader.tables) {
      const rows = Number((await q(`select count(*)::bigint as n from "${table}"`)).rows[0].n);
      total += rows;
      tables.set(table, { table, rows, loadSeconds: 0, indexSeconds: 0 });
    }
    // A step's time is shared among its tables by their row counts (they load in one go).
    for (const table of loader.tables) {
      const report = tables.get(table)!;
      report.loadSeconds = total ? (took * report.rows) / total : took / loader.tables.length;
    }
    log(`  ${loader.name.padEnd(14)} ${took.toFixed(1).padStart(7)} s`);
  }
  await q("set session_replication_role = origin");

  const t1 = performance.now();
  for (const index of indexes as Array<{ tablename: string; indexdef: string }>) {
    const t = performance.now();
    await q(index.indexdef);
    const report = tables.get(index.tablename);
    if (report) report.indexSeconds += seconds(t);
  }
  log(`  ${"indexes".padEnd(14)} ${seconds(t1).toFixed(1).padStart(7)} s`);

  // The database draws the next public id, assignment code and invoice number past the generated ones.
  for (const [role, prefix] of [["student", "STU"], ["teacher", "TCH"], ["cs_rep", "CSR"], ["admin", "ADM"]]) {
    await q(`select setval('${role}_public_id_seq', greatest(1, (select coalesce(max(substr(public_id, 5)::int), 1) from profiles where public_id like '${prefix}-%')))`);
  }
  await q(`select setval('assignment_code_seq', (select coalesce(max(substr(code, 5)::int), 1) from assignments))`);

  const t2 = performance.now();
  const orphans = await orphanedForeignKeys(client);
  log(`  ${"foreign keys".padEnd(14)} ${seconds(t2).toFixed(1).padStart(7)} s${orphans.length ? `  ✖ ${orphans.join(", ")}` : "  all satisfied"}`);
  const t3 = performance.now();
  await q("vacuum analyze");
  log(`  ${"vacuum analyze".padEnd(14)} ${seconds(t3).toFixed(1).padStart(7)} s`);
  await q(`comment on database ${(await q("select current_database() as d")).rows[0].d} is 'nano-problem bench data, scale ${scale}'`);
  return { scale, tables: [...tables.values()], seconds: seconds(started), orphans };
}

/** Every single-column foreign key, checked by an anti-join (the load skipped the per-row checks). */
async function orphanedForeignKeys(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ child: string; col: string; parent: string; pcol: string; name: string }>(
    `select c.conrelid::regclass::text as child, a.attname as col, c.confrelid::regclass::text as parent, pa.attname as pcol, c.conname as name
     from pg_constraint c
     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
     where c.contype = 'f' and cardinality(c.conkey) = 1 and c.connamespace = 'public'::regnamespace`,
  );
  const bad: string[] = [];
  for (const fk of rows) {
    const { rows: found } = await client.query(
      `select exists (select 1 from ${fk.child} c where c."${fk.col}" is not null and not exists (select 1 from ${fk.parent} p where p."${fk.pcol}" = c."${fk.col}")) as orphaned`,
    );
    if (found[0].orphaned) bad.push(fk.name);
  }
  return bad;
}

/** The scale a database was generated at, or null when it holds no bench data. */
export async function generatedScale(client: pg.ClientBase): Promise<number | null> {
  const { rows } = await client.query(`select shobj_description(oid, 'pg_database') as note from pg_database where datname = current_database()`);
  const match = /bench data, scale ([0-9.]+)/.exec(rows[0]?.note ?? "");
  return match ? Number(match[1]) : null;
}
