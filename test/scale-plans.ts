import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";

type Role = "student" | "teacher" | "cs_rep" | "admin";

/**
 * A scale test's people in two statements: `scale-<role>-00001@example.test` onwards (no password
 * hashing per row), each with a profile named `<namePrefix><email>`, in `timeZone` when given.
 */
export async function insertScalePeople(pool: pg.Pool, counts: Partial<Record<Role, number>>, { namePrefix = "Scale ", timeZone }: { namePrefix?: string; timeZone?: string } = {}): Promise<void> {
  const roles = Object.entries(counts);
  await pool.query(
    `insert into users (email, password_hash, role)
     select 'scale-' || r || '-' || lpad(g::text, 5, '0') || '@example.test', 'x', r::user_role
     from unnest($1::text[], $2::int[]) as roles(r, n), generate_series(1, n) g`,
    [roles.map(([role]) => role), roles.map(([, n]) => n)],
  );
  if (timeZone) await pool.query(`insert into profiles (user_id, full_name, time_zone) select id, $1 || email, $2 from users where email like 'scale-%'`, [namePrefix, timeZone]);
  else await pool.query(`insert into profiles (user_id, full_name) select id, $1 || email from users where email like 'scale-%'`, [namePrefix]);
}

type Plan = { "Node Type": string; "Relation Name"?: string; Plans?: Plan[] };

/**
 * Loads a scale test's rows the way a restore is made fast: the tables' secondary indexes dropped
 * and rebuilt from their own definitions afterwards (so plans use exactly the migrated indexes), and
 * foreign-key and user triggers skipped for this one transaction.
 */
export async function bulkLoad(pool: pg.Pool, tables: string[], statements: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes i where tablename = any($1) and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      [tables],
    );
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    for (const index of indexes) await client.query(`drop index "${index.indexname}"`);
    for (const statement of statements) await client.query(statement);
    for (const index of indexes) await client.query(index.indexdef);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs `read` on a Drizzle instance that records its SQL, then EXPLAINs each statement it sent
 * (those `explains` accepts) and lists every sequential scan of a `watched` table.
 */
export async function plansOf(
  pool: pg.Pool,
  read: (db: Database) => Promise<unknown>,
  { watched, explains = () => true }: { watched: ReadonlySet<string>; explains?: (query: string) => boolean },
): Promise<{ ms: number; scans: string[]; statements: number }> {
  const captured: { query: string; params: unknown[] }[] = [];
  const recording = drizzle(pool, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  const started = performance.now();
  await read(recording);
  const ms = performance.now() - started;
  const scans: string[] = [];
  let statements = 0;
  for (const { query, params } of captured) {
    if (!explains(query)) continue;
    statements += 1;
    const { rows } = await pool.query(`explain (format json) ${query}`, params);
    const walk = (plan: Plan) => {
      const relation = plan["Relation Name"] ?? "";
      if (plan["Node Type"] === "Seq Scan" && watched.has(relation)) scans.push(`${relation} in: ${query.replace(/\s+/g, " ").slice(0, 160)}`);
      plan.Plans?.forEach(walk);
    };
    walk(rows[0]["QUERY PLAN"][0].Plan);
  }
  return { ms, scans, statements };
}

type AnalyzedPlan = Plan & { "Actual Rows"?: number; "Actual Loops"?: number };

/**
 * Runs `read` recording its SQL, then EXPLAIN ANALYZEs each statement `explains` accepts and
 * returns, per statement and table, the rows its scans produced (rows × loops) and how many times
 * they ran: how much a page or count really read, which a plan's shape alone does not show (a LIMIT
 * over a scan stops early; a lookup per skipped row of a deep page runs thousands of times).
 */
export async function rowsReadOf(pool: pg.Pool, read: (db: Database) => Promise<unknown>, explains: (query: string) => boolean): Promise<Array<Record<string, { rows: number; loops: number }>>> {
  const captured: { query: string; params: unknown[] }[] = [];
  const recording = drizzle(pool, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  await read(recording);
  const result: Array<Record<string, { rows: number; loops: number }>> = [];
  for (const { query, params } of captured) {
    if (!explains(query)) continue;
    const { rows } = await pool.query(`explain (analyze, format json) ${query}`, params);
    const tables: Record<string, { rows: number; loops: number }> = {};
    const walk = (plan: AnalyzedPlan) => {
      const relation = plan["Relation Name"];
      if (relation) {
        const seen = (tables[relation] ??= { rows: 0, loops: 0 });
        seen.rows += (plan["Actual Rows"] ?? 0) * (plan["Actual Loops"] ?? 1);
        seen.loops += plan["Actual Loops"] ?? 1;
      }
      (plan.Plans as AnalyzedPlan[] | undefined)?.forEach(walk);
    };
    walk(rows[0]["QUERY PLAN"][0].Plan);
    result.push(tables);
  }
  return result;
}
