/**
 * What a Next.js route handler that does nothing costs on this machine (not a test): the floor
 * under every chat send, since a send is one such request plus its own work. Builds a one-route
 * app (`GET /api/ping` → a small JSON answer) in a temp dir with the project's own Next, starts
 * `next start` on it, then
 *   1. one request at a time: Next's CPU per request (from /proc) and the answer time;
 *   2. `--concurrency` clients in loops for `--seconds`: requests per second with the clients on the
 *      same cores, as scripts/bench/chat.ts runs its senders.
 *
 *   npx tsx scripts/bench/next-floor.ts [--requests 3000] [--concurrency 20] [--seconds 10]
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findFreePort } from "../lib/ports";

const { values } = parseArgs({ options: { requests: { type: "string", default: "3000" }, concurrency: { type: "string", default: "20" }, seconds: { type: "string", default: "10" } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);

// Outside the project (inside it, Next would build the project's instrumentation hook into it),
// with the project's node_modules linked in.
const appDir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-next-floor-"));
fs.mkdirSync(path.join(appDir, "app/api/ping"), { recursive: true });
fs.symlinkSync(path.resolve("node_modules"), path.join(appDir, "node_modules"));
fs.writeFileSync(path.join(appDir, "package.json"), JSON.stringify({ name: "bench-next-floor", private: true }));
// Turbopack compiles only what is under its root, and node_modules is a link out of the temp dir.
fs.writeFileSync(path.join(appDir, "next.config.mjs"), "export default { turbopack: { root: '/' } };\n");
fs.writeFileSync(
  path.join(appDir, "app/api/ping/route.js"),
  `export const dynamic = "force-dynamic";\nexport async function GET() { return Response.json({ ok: true, at: Date.now() }); }\n`,
);

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
const build = spawnSync("npx", ["next", "build"], { cwd: appDir, env, encoding: "utf8" });
if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);

const port = await findFreePort();
const server = spawn("npx", ["next", "start", "-p", String(port)], { cwd: appDir, env, stdio: "ignore", detached: true });
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {}
  fs.rmSync(appDir, { recursive: true, force: true });
};
process.on("exit", stop);
const url = `http://127.0.0.1:${port}/api/ping`;
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {}
  if (attempt > 300) throw new Error("next start did not answer");
  await new Promise((resolve) => setTimeout(resolve, 100));
}

/** CPU milliseconds of every process in the server's group (npx, next-server). */
function serverCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === server.pid) total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {}
  }
  return total;
}
const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const ping = async () => (await fetch(url)).text();
for (let k = 0; k < 300; k++) await ping();

const times: number[] = [];
let serverBefore = serverCpuMs();
let ownBefore = ownCpuMs();
for (let k = 0; k < requests; k++) {
  const started = performance.now();
  await ping();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(
  `one at a time, ${requests} requests: Next ${((serverCpuMs() - serverBefore) / requests).toFixed(2)} ms CPU per request, ` +
    `client ${((ownCpuMs() - ownBefore) / requests).toFixed(2)} ms; answered p50 ${times[Math.floor(requests / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(requests * 0.95)]!.toFixed(1)} ms`,
);

let done = 0;
serverBefore = serverCpuMs();
ownBefore = ownCpuMs();
const until = performance.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      await ping();
      done++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
console.log(
  `${concurrency} clients for ${seconds} s: ${(done / elapsed).toFixed(0)} requests/s; Next ${((serverCpuMs() - serverBefore) / done).toFixed(2)} ms CPU per request, ` +
    `client ${((ownCpuMs() - ownBefore) / done).toFixed(2)} ms`,
);
stop();
process.exit(0);
