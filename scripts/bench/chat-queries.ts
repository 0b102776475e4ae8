import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listInbox, listMessages } from "@/lib/messaging/queries";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/embedded-postgres";
import { findFreePort } from "../lib/ports";
import { benchPeople, loadMessaging, longestThread, type LoadedShape } from "./chat-load";

/**
 * Part 3 of scripts/bench/chat.ts: the inbox and a thread page through the app's own query functions
 * (lib/messaging/queries.ts) against a loaded database. Each is timed over repeated calls (wall time
 * of the call: round trips, driver and mapping, so it moves with whatever else runs on the machine),
 * and the SQL it sent is captured and re-run under EXPLAIN (ANALYZE, BUFFERS) for the server's own
 * planning and execution time (the "SQL" figure) and the plans.
 */
export type QueryRow = { label: string; p50: number; p95: number; sqlMs: number; statements: number; seqScans: string[]; plan: string };

type Captured = { query: string; params: unknown[] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

// Tables big enough that reading them whole would show at 2M messages.
const LARGE_TABLES = ["messages", "message_attachments", "threads", "thread_participants", "users", "profiles", "assignments"];

async function measure(pool: pg.Pool, captured: Captured[], label: string, runs: number, call: () => Promise<unknown>): Promise<QueryRow> {
  for (let i = 0; i < 5; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  captured.length = 0;
  await call();
  const statements = [...captured];
  // The server's own planning + execution time of the whole call, median of a few EXPLAIN runs.
  const sqlTimes: number[] = [];
  const plans: string[] = [];
  const seqScans = new Set<string>();
  for (let round = 0; round < 5; round++) {
    let total = 0;
    for (const statement of statements) {
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${statement.query}`, statement.params);
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      total += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0) + Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
      if (round > 0) continue;
      for (const match of plan.matchAll(/Seq Scan on (\w+)/g)) if (LARGE_TABLES.includes(match[1]!)) seqScans.add(match[1]!);
      plans.push(`-- ${statement.query.replace(/\s+/g, " ").slice(0, 300)}\n${plan}`);
    }
    sqlTimes.push(total);
  }
  sqlTimes.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), sqlMs: percentile(sqlTimes, 50), statements: statements.length, seqScans: [...seqScans], plan: plans.join("\n\n") };
}

export async function runQueryBench(options: { threads: number; messages: number; runs: number; log: (line: string) => void }): Promise<{ shape: LoadedShape; rows: QueryRow[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-bench-chat-sql-"));
  fs.chmodSync(dir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), ephemeral: true });
  try {
    await ensureDatabase(postgres.adminUrl, "bench");
    const url = postgres.urlFor("bench");
    await migrateDatabase(url);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // Idle connections see PostgreSQL stop when the bench ends early; the first error is what matters.
    pool.on("error", () => {});
    const client = await pool.connect();
    options.log(`loading ${options.threads} threads / ${options.messages} messages…`);
    const shape = await loadMessaging(client, options);
    options.log(`loaded ${shape.threads} threads, ${shape.messages} messages, ${shape.participants} participants in ${shape.seconds.toFixed(1)} s`);
    const people = await benchPeople(client);
    const longest = await longestThread(client);
    client.release();

    const captured: Captured[] = [];
    const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } }) as Database;
    const actorFor = async (id: string): Promise<Actor> => {
      const { rows } = await pool.query<{ email: string; role: Actor["role"]; name: string }>(
        "select u.email, u.role, p.full_name as name from users u join profiles p on p.user_id = u.id where u.id = $1",
        [id],
      );
      const row = rows[0]!;
      return { id, email: row.email, role: row.role, name: row.name, mustChangePassword: false };
    };
    const rows: QueryRow[] = [];
    for (const person of people) {
      const actor = await actorFor(person.id);
      rows.push(await measure(pool, captured, `inbox first page, ${person.label} (${person.threads} threads)`, options.runs, () => listInbox(db, actor, { limit: 20 })));
    }
    const reader = await actorFor(longest.participant);
    rows.push(await measure(pool, captured, `thread page, newest 50 (thread of ${longest.messages})`, options.runs, () => listMessages(db, reader, longest.id, { limit: 50 })));
    await pool.end();
    return { shape, rows };
  } finally {
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
