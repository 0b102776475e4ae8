/**
 * Page timings at scale: each list's first page and a deep page, every role's home page and a
 * 5,000-message thread, as full HTML GETs through `next start` (the production build in .next) with
 * a real session cookie per role, over the bench data of scripts/bench/data.ts at scale 1 and 4.
 * Every scale's server runs at once and pages are timed on them in turn.
 * Prints one table (p50/p95 per scale, the scale-4/scale-1 ratio of p95, met or not) and writes it
 * as JSON for the README.
 *
 *   npx tsx scripts/bench/pages.ts [--scales 1,4] [--runs 20] [--warmup 3] [--hops 10]
 *     [--dir 4=/var/tmp/bench-4]             generate into (or reuse) this data dir per scale
 *     [--database-url 1=postgres://…]        use a database kept by `npm run bench:data -- --keep`
 *     [--out docs/bench/pages.json]
 *
 * Targets on 2 cores: p95 ≤ 150 ms at scale 1, and at scale 4 at most 1.3× the scale-1 p95.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { spawnChild, stopChild, waitForHttp } from "../lib/children";
import { migrateWithLock } from "../lib/database";
import { findFreePort } from "../lib/ports";
import { signIn } from "./chat-app";
import { openBenchDatabase, printGenerationReport } from "./data/database";
import { benchAccounts, BENCH_PASSWORD } from "./data/shape";
import { deepUrl } from "./pages/deep-url";
import { benchPages, type PageCase } from "./pages/cases";

const { values } = parseArgs({
  options: {
    scales: { type: "string", default: "1,4" },
    runs: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    hops: { type: "string", default: "10" },
    dir: { type: "string", multiple: true, default: [] },
    "database-url": { type: "string", multiple: true, default: [] },
    out: { type: "string", default: "docs/bench/pages.json" },
  },
});
const scales = values.scales.split(",").map(Number);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const hops = Number(values.hops);
const perScale = (list: string[]) => new Map(list.map((entry) => [Number(entry.split("=")[0]), entry.slice(entry.indexOf("=") + 1)]));
const dirs = perScale(values.dir);
const urls = perScale(values["database-url"]);

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("No production build in .next: run `npx next build` first.");
  process.exit(2);
}

type Timing = { p50: number; p95: number; url: string; bytes: number } | { error: string };
const results = new Map<string, Map<number, Timing>>();
const generation: Record<number, number | null> = {};
const started = performance.now();

// Every scale's server runs at once and each page is timed on them in turn, run by run, so
// whatever else the machine does slows every scale alike and the ratio stays fair.
type Served = { scale: number; url: string; cookies: Map<string, string>; pages: Map<string, PageCase>; stop(): Promise<void> };
const served: Served[] = [];
try {
  for (const scale of scales) {
    const given = urls.get(scale);
    const database = given ? null : await openBenchDatabase({ scale, dir: dirs.get(scale), log: (line) => console.log(line) });
    if (database?.report) {
      printGenerationReport(database.report, (line) => console.log(line));
      generation[scale] = database.report.seconds;
    } else generation[scale] = null;
    const url = given ?? database!.url;
    const app = await startApp(url).catch(async (error: unknown) => {
      await database?.stop();
      throw error;
    });
    const stop = async () => {
      await app.stop();
      await database?.stop();
    };
    served.push({ scale, url: app.url, cookies: new Map(), pages: new Map(), stop });
    const entry = served[served.length - 1]!;
    for (const [role, email] of Object.entries(benchAccounts)) entry.cookies.set(role, await signIn(app.url, email, BENCH_PASSWORD));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const page of await benchPages(client).finally(() => client.end())) entry.pages.set(page.label, page);
  }
  for (const label of served[0]!.pages.keys()) {
    const byScale = await measure(served.map((entry) => ({ scale: entry.scale, appUrl: entry.url, page: entry.pages.get(label)!, cookie: entry.cookies.get(entry.pages.get(label)!.role)! })));
    results.set(label, byScale);
    for (const [scale, timing] of byScale) {
      console.log(`scale ${scale}  ${label.padEnd(44)} ${"error" in timing ? `✖ ${timing.error}` : `p50 ${timing.p50.toFixed(0)} ms  p95 ${timing.p95.toFixed(0)} ms  ${timing.url}`}`);
    }
  }
} finally {
  for (const entry of served) await entry.stop();
}

const totalSeconds = (performance.now() - started) / 1000;
const fmt = (timing: Timing | undefined, key: "p50" | "p95") => (!timing ? "–" : "error" in timing ? "error" : timing[key].toFixed(0));
// The ratio compares the largest scale with the smallest (scale 4 with scale 1 in a full run).
const [low, high] = [scales[0]!, scales[scales.length - 1]!];
const rows = [...results.entries()].map(([label, byScale]) => {
  const p95 = (scale: number) => {
    const timing = byScale.get(scale);
    return timing && !("error" in timing) ? timing.p95 : null;
  };
  const ratio = high !== low && p95(low) !== null && p95(high) !== null ? p95(high)! / p95(low)! : null;
  const met = scales.every((scale) => p95(scale) !== null) && p95(low)! <= 150 && (high === low || ratio! <= 1.3);
  return { label, byScale, ratio, met };
});
console.log(`\n| page | ${scales.map((scale) => `p50 @${scale} | p95 @${scale}`).join(" | ")} | p95 @${high}/@${low} | target |\n|---|${scales.map(() => "---:|---:").join("|")}|---:|---|`);
for (const row of rows) {
  console.log(`| ${row.label} | ${scales.map((scale) => `${fmt(row.byScale.get(scale), "p50")} | ${fmt(row.byScale.get(scale), "p95")}`).join(" | ")} | ${row.ratio === null ? "–" : row.ratio.toFixed(2)} | ${row.met ? "met" : "not met"} |`);
}
console.log(`\n${runs} runs per page after ${warmup} warm-up requests, ms; target p95 ≤ 150 ms at scale 1 and ≤ 1.3× that at scale 4. Whole run ${(totalSeconds / 60).toFixed(1)} min.`);
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(
  values.out,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: os.cpus().length, runs, warmup, generationSeconds: generation, totalSeconds: Math.round(totalSeconds), pages: rows.map(({ label, byScale, ratio, met }) => ({ label, ...Object.fromEntries([...byScale].map(([scale, timing]) => [`scale${scale}`, timing])), ratio, met })) }, null, 2)}\n`,
);
console.log(`written to ${values.out}`);

type Target = { scale: number; appUrl: string; page: PageCase; cookie: string };

/** One page on every scale's server: warm-up requests, then `runs` rounds of one request to each. */
async function measure(targets: Target[]): Promise<Map<number, Timing>> {
  const timings = new Map<number, Timing>();
  const live: { target: Target; url: string; times: number[]; bytes: number }[] = [];
  const once = async (entry: (typeof live)[number]) => {
    const t0 = performance.now();
    const response = await fetch(`${entry.target.appUrl}${entry.url}`, { headers: { cookie: entry.target.cookie }, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`${entry.url} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
    entry.bytes = body.length;
    return ms;
  };
  const failed = (target: Target, error: unknown) => timings.set(target.scale, { error: error instanceof Error ? error.message : String(error) });
  for (const target of targets) {
    try {
      const url = target.page.deep ? await deepUrl(target.appUrl, target.page.path, target.cookie, hops) : target.page.path;
      const entry = { target, url, times: [], bytes: 0 };
      for (let i = 0; i < warmup; i++) await once(entry);
      live.push(entry);
    } catch (error) {
      failed(target, error);
    }
  }
  for (let i = 0; i < runs; i++) {
    for (const entry of [...live]) {
      try {
        entry.times.push(await once(entry));
      } catch (error) {
        failed(entry.target, error);
        live.splice(live.indexOf(entry), 1);
      }
    }
  }
  for (const { target, url, times, bytes } of live) {
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    timings.set(target.scale, { p50: pct(50), p95: pct(95), url, bytes });
  }
  return new Map([...timings].sort(([a], [b]) => a - b));
}

async function startApp(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  await migrateWithLock(databaseUrl);
  await settle(databaseUrl);
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "nano-bench-pages-uploads-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), APP_URL: url, UPLOADS_DIR: uploads, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn" };
  for (const name of ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT", "SMTP_URL", "STRIPE_SECRET_KEY", "PAYPAL_CLIENT_ID"]) delete env[name];
  const next = spawnChild(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], env);
  const stop = async () => {
    await stopChild(next);
    fs.rmSync(uploads, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/login`, 180_000, next);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/**
 * Vacuums and checkpoints the database before it is timed: a migration that rewrote rows (or a fresh
 * load) otherwise leaves autovacuum and the next checkpoint to run in the middle of the timings, on
 * one scale's database and not the other's, and their slowest requests then measure the housekeeping.
 */
async function settle(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("vacuum (analyze)");
    await client.query("checkpoint");
  } finally {
    await client.end();
  }
}
