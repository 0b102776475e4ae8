/**
 * The admin user list at scale: 100k users in a throwaway embedded PostgreSQL, then each kind of
 * list query (first page, deep page, role/status filters, searches) timed over repeated runs.
 *
 *   npx tsx scripts/bench/users-list.ts [--users 100000] [--runs 20]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { listUsers } from "@/lib/users/queries";
import { userListQuerySchema } from "@/lib/users/schemas";
import type { Actor } from "@/lib/auth/actor";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/embedded-postgres";
import { findFreePort } from "../lib/ports";

const { values } = parseArgs({ options: { users: { type: "string", default: "100000" }, runs: { type: "string", default: "20" } } });
const userCount = Number(values.users);
const runs = Number(values.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-bench-users-"));
fs.chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), ephemeral: true });
try {
  await ensureDatabase(pg.adminUrl, "bench");
  const url = pg.urlFor("bench");
  await migrateDatabase(url);
  const { db, pool } = createDatabase(url, 4);
  const started = Date.now();
  await db.execute(sql`
    insert into users (email, password_hash, role, status, created_at)
    select 'user' || i || '@bench.test', 'x',
      (array['student','student','student','teacher','cs_rep','admin'])[1 + i % 6]::user_role,
      (case when i % 50 = 0 then 'blocked' else 'active' end)::user_status,
      now() - (i || ' minutes')::interval
    from generate_series(1, ${userCount}) as i`);
  await db.execute(sql`insert into profiles (user_id, full_name) select id, 'Person ' || md5(email) from users`);
  await db.execute(sql`analyze`);
  console.log(`seeded ${userCount} users in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const admin: Actor = { id: "00000000-0000-4000-8000-000000000000", role: "admin", email: "a@bench.test", name: "Bench", mustChangePassword: false };
  const cases: Record<string, Record<string, string>> = {
    "first page": {},
    "page 400 (deepest allowed)": { page: "400" },
    "role = teacher": { role: "teacher" },
    "status = blocked": { status: "blocked" },
    "search by name fragment": { q: "a3f" },
    "search by email": { q: "user4242@" },
    "search by public id": { q: "STU-000123" },
  };
  const rows: string[] = [];
  for (const [label, input] of Object.entries(cases)) {
    const query = userListQuerySchema.parse(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await listUsers(db, admin, query);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
    rows.push(`| ${label.padEnd(28)} | ${pct(50).padStart(7)} | ${pct(95).padStart(7)} |`);
  }
  console.log(`\n| query (${userCount} users, ${runs} runs)`.padEnd(31) + " | p50 ms  | p95 ms  |\n|------------------------------|---------|---------|");
  console.log(rows.join("\n"));
  await pool.end();
} finally {
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
