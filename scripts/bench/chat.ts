/**
 * Benchmark of threads end to end (not a test).
 *
 *   npx tsx scripts/bench/chat.ts [--conversations 20] [--per-conversation 50] [--seconds 20]
 *     [--senders 300] [--threads 200000] [--messages 2000000] [--runs 30]
 *     [--only live|queries] [--plans] [--profile]
 *
 * A quick run: --per-conversation 10 --seconds 5 --senders 40 --threads 2000 --messages 20000.
 *
 * Live parts (1, 2) need the production build (`npx next build` first): it runs as the e2e harness
 * runs it — embedded PostgreSQL in a temp dir, the local real-time server — in a forked child
 * (scripts/bench/chat-app.ts), with a bare WebSocket relay beside it as the floor. Every client
 * (HTTP and pusher-js) runs in this process, so on a small machine the clients share its cores with
 * the app: the figures are an upper bound on what the server alone costs.
 *
 * 1. Send → shown: `conversations` direct threads, each a student and a CS rep (signed in through
 *    Auth.js's credentials flow, subscribed to private-thread-{id} with pusher-js authorized by
 *    /api/pusher/auth). Each conversation sends `per-conversation` messages (after two uncounted),
 *    turns alternating, one at a time, all conversations at once; a message is timed from just
 *    before its POST to /api/threads/{id}/messages until the other participant's pusher-js hears
 *    message.created. The floor does the same over the relay: one frame from one socket to the
 *    other, same pacing. (A browser then renders it: not counted here.)
 * 2. Throughput: `senders` people in pairs, each sending at most 18 messages per 10 s (the app
 *    allows 20) for `seconds`. Persisted-and-delivered per second counts messages the other side's
 *    pusher-js heard, over the time from the first send to the last delivery; every answered send
 *    must be heard exactly once and stored exactly once (counted in PostgreSQL).
 * 3. Queries: `threads` threads / `messages` messages loaded set-based into a second embedded
 *    PostgreSQL (scripts/bench/chat-load.ts), then the inbox's first page and a thread page through
 *    lib/messaging/queries.ts, with EXPLAIN (ANALYZE) of the SQL they send (--plans prints the plans).
 *
 * Each live part also says where the CPU went (this process, Next, PostgreSQL, the real-time server,
 * anything else on the machine); --profile runs Next under --cpu-prof and sums up its profile.
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { WebSocket } from "ws";
import { z } from "zod";
import { cpuSample, describeCpu } from "./chat-cpu";
import { summarizeProfiles } from "./chat-profile";
import { connectParticipant, createPairs, pooled, sendMessage, serveApp, signIn, type Pair, type Participant, type ServeMessage } from "./chat-app";

// The app allows 20 sends per author per 10 s; 18 leaves room for the database's clock and queueing.
const SEND_INTERVAL_MS = Math.ceil(10_000 / 18);
/** Sent first in each conversation and not counted: the server's first requests compile and fill caches. */
const WARM_UP_MESSAGES = 2;

type Target = { label: string; value: string; target: string; met: boolean | null };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = () => (condition() ? resolve(true) : Date.now() > deadline ? resolve(false) : void setTimeout(check, 5));
    check();
  });
}

/** The relay floor: `conversations` socket pairs, `perConversation` frames each, the same turns and pacing as the app run. */
async function floorRun(port: number, conversations: number, perConversation: number, pauseMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const open = (room: number) =>
    new Promise<{ ws: WebSocket; heard: (handler: (t: number) => void) => void }>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/?room=${room}`, { perMessageDeflate: false });
      let handler: (t: number) => void = () => undefined;
      ws.on("message", (data) => handler((JSON.parse(String(data)) as { t: number }).t));
      ws.once("open", () => resolve({ ws, heard: (h) => (handler = h) }));
      ws.once("error", reject);
    });
  await Promise.all(
    Array.from({ length: conversations }, async (_, room) => {
      const sides = [await open(room), await open(room)];
      // Wait for the relay to have registered both before the first frame.
      await sleep(50);
      for (let k = 0; k < perConversation; k++) {
        const [from, to] = k % 2 === 0 ? [sides[0]!, sides[1]!] : [sides[1]!, sides[0]!];
        const arrived = new Promise<void>((resolve) => to.heard((t) => (latencies.push(performance.now() - t), resolve())));
        from.ws.send(JSON.stringify({ t: performance.now(), body: `Floor message ${k}` }));
        await arrived;
        await sleep(pauseMs);
      }
      for (const side of sides) side.ws.terminate();
    }),
  );
  return latencies;
}

/** One-row insert transactions one after another: what a durable commit costs on this disk. */
async function commitFloor(databaseUrl: string, count: number): Promise<number[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  await client.query("create temp table bench_commit (id serial primary key, note text)");
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await client.query("begin");
    await client.query("insert into bench_commit (note) values ($1)", [`commit ${i}`]);
    await client.query("commit");
    latencies.push(performance.now() - started);
  }
  await client.end();
  return latencies;
}

type Connected = { pair: Pair; student: Participant; staff: Participant };

async function connectPairs(appUrl: string, realtimePort: number, pairs: Pair[], onHeard: (clientMessageId: string, receiverId: string) => void): Promise<Connected[]> {
  const cookies = await pooled(
    pairs.flatMap((pair) => [pair.student, pair.staff]),
    4,
    (person) => signIn(appUrl, person.email),
  );
  return pooled(pairs, 8, async (pair, i) => ({
    pair,
    student: await connectParticipant(appUrl, realtimePort, pair.student, cookies[2 * i]!, pair.threadId, (id) => onHeard(id, pair.student.id)),
    staff: await connectParticipant(appUrl, realtimePort, pair.staff, cookies[2 * i + 1]!, pair.threadId, (id) => onHeard(id, pair.staff.id)),
  }));
}

type Sampler = () => ReturnType<typeof cpuSample>;

async function conversationsRun(appUrl: string, realtimePort: number, pairs: Pair[], perConversation: number, pauseMs: number, sample: Sampler) {
  const pending = new Map<string, { sentAt: number; receiver: string; resolve: () => void }>();
  const latencies: number[] = [];
  const answers: number[] = [];
  const failures: string[] = [];
  const warmUp = new Set<string>();
  const connected = await connectPairs(appUrl, realtimePort, pairs, (id, receiverId) => {
    const entry = pending.get(id);
    if (!entry || entry.receiver !== receiverId) return;
    if (!warmUp.has(id)) latencies.push(performance.now() - entry.sentAt);
    pending.delete(id);
    entry.resolve();
  });
  const cpuBefore = sample();
  await Promise.all(
    connected.map(async ({ pair, student, staff }) => {
      for (let k = -WARM_UP_MESSAGES; k < perConversation; k++) {
        const [from, to] = k % 2 === 0 ? [student, staff] : [staff, student];
        const id = randomUUID();
        if (k < 0) warmUp.add(id);
        const heard = new Promise<void>((resolve) => pending.set(id, { sentAt: performance.now(), receiver: to.id, resolve }));
        const result = await sendMessage(appUrl, from, pair.threadId, id, `Message ${k + 1} from ${from.email}`);
        if (result.status !== 201) {
          failures.push(`${result.status} ${result.body.slice(0, 200)}`);
          pending.delete(id);
          continue;
        }
        if (k >= 0) answers.push(result.ms);
        if (!(await Promise.race([heard.then(() => true), sleep(5_000).then(() => false)]))) failures.push("not heard within 5 s");
        await sleep(pauseMs);
      }
    }),
  );
  const cpuAfter = sample();
  for (const side of connected.flatMap((c) => [c.student, c.staff])) side.client.disconnect();
  return { latencies, answers, failures, cpu: [cpuBefore, cpuAfter] as const };
}

async function throughputRun(appUrl: string, realtimePort: number, databaseUrl: string, pairs: Pair[], seconds: number, sample: Sampler) {
  const heard = new Map<string, number>();
  let lastHeardAt = 0;
  const connected = await connectPairs(appUrl, realtimePort, pairs, (id) => {
    heard.set(id, (heard.get(id) ?? 0) + 1);
    lastHeardAt = performance.now();
  });
  const accepted = new Set<string>();
  const refused = new Map<string, number>();
  const answers: number[] = [];
  const cpuBefore = sample();
  const started = performance.now();
  const endAt = started + seconds * 1000;
  const senders = connected.flatMap(({ pair, student, staff }) => [
    { person: student, threadId: pair.threadId },
    { person: staff, threadId: pair.threadId },
  ]);
  await Promise.all(
    senders.map(async ({ person, threadId }, index) => {
      // Spread the first sends over one interval so the senders do not move in lockstep.
      let nextAt = started + (index / senders.length) * SEND_INTERVAL_MS;
      for (let k = 0; ; k++) {
        await sleep(Math.max(0, nextAt - performance.now()));
        if (performance.now() >= endAt) break;
        // From this send's start, never from its slot: a late send must not bunch with the next.
        nextAt = performance.now() + SEND_INTERVAL_MS;
        const id = randomUUID();
        const result = await sendMessage(appUrl, person, threadId, id, `Load message ${k + 1} from ${person.email}`);
        if (result.status === 201) {
          accepted.add(id);
          answers.push(result.ms);
        } else {
          const key = `${result.status} ${result.body.slice(0, 120)}`;
          refused.set(key, (refused.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  const sendingEnded = performance.now();
  const cpuAfter = sample();
  await waitUntil(() => [...accepted].every((id) => heard.has(id)), 15_000);
  for (const side of connected.flatMap((c) => [c.student, c.staff])) side.client.disconnect();

  const ids = [...accepted];
  const client = new pg.Client(databaseUrl);
  await client.connect();
  // Every row in these threads but the warm-up: a send that failed yet stored would show here too.
  const { rows } = await client.query<{ stored: number; distinct_ids: number; unanswered: number }>(
    `select count(*)::int as stored, count(distinct client_message_id)::int as distinct_ids,
       count(*) filter (where not client_message_id = any($1::uuid[]))::int as unanswered
     from messages where thread_id = any($2::uuid[]) and body <> 'Warm-up'`,
    [ids, pairs.map((pair) => pair.threadId)],
  );
  await client.end();
  const lost = ids.filter((id) => !heard.has(id)).length;
  const doubled = [...heard.values()].filter((count) => count > 1).length;
  const delivered = ids.length - lost;
  const windowMs = Math.max(lastHeardAt, sendingEnded) - started;
  return {
    accepted: ids.length,
    delivered,
    perSecond: (delivered / windowMs) * 1000,
    offeredPerSecond: (senders.length * 1000) / SEND_INTERVAL_MS,
    lost,
    doubled,
    stored: rows[0]!.stored,
    storedDistinct: rows[0]!.distinct_ids,
    storedUnanswered: rows[0]!.unanswered,
    refused,
    answers,
    cpu: [cpuBefore, cpuAfter] as const,
  };
}

/** Starts the app in the child and resolves once it serves; the child ends when this process does. */
async function startApp(profileDir: string | undefined): Promise<{ appUrl: string; realtimePort: number; floorPort: number; databaseUrl: string; pid: number | undefined; stop: () => Promise<void> }> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first (the live parts run the app as `next start`).");
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, ...(profileDir ? { CHAT_BENCH_PROFILE_DIR: profileDir } : {}) },
  });
  let databaseUrl = "";
  const ready = await new Promise<Extract<ServeMessage, { type: "ready" }>>((resolve, reject) => {
    child.on("message", (message: ServeMessage) => {
      if (message.type === "database") databaseUrl = message.url;
      else resolve(message);
    });
    child.once("exit", (code) => reject(new Error(`the app did not start (exit ${code})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  process.on("exit", () => child.kill("SIGTERM"));
  return { ...ready, databaseUrl, pid: child.pid, stop };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      conversations: { type: "string", default: "20" },
      "per-conversation": { type: "string", default: "50" },
      seconds: { type: "string", default: "20" },
      senders: { type: "string", default: "300" },
      threads: { type: "string", default: "200000" },
      messages: { type: "string", default: "2000000" },
      runs: { type: "string", default: "30" },
      only: { type: "string" },
      plans: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      serve: { type: "boolean", default: false },
    },
  });
  if (values.serve) return serveApp();
  const count = z.coerce.number().int().min(1);
  const options = z
    .object({ conversations: count, "per-conversation": count, seconds: count, senders: count.min(2), threads: count, messages: count, runs: count, only: z.enum(["live", "queries"]).optional() })
    .parse(values);
  const log = (line: string) => process.stderr.write(`· ${line}\n`);
  const targets: Target[] = [];
  const lines: string[] = [];
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  // Each participant sends every other message, so a pause of half the interval keeps them under the limit.
  const pauseMs = Math.ceil(SEND_INTERVAL_MS / 2);

  if (options.only !== "queries") {
    log("starting the production build with embedded PostgreSQL…");
    const profileDir = values.profile ? fs.mkdtempSync(path.join(os.tmpdir(), "nano-bench-chat-profile-")) : undefined;
    const app = await startApp(profileDir);
    try {
      log(`app at ${app.appUrl}; creating ${options.conversations + Math.ceil(options.senders / 2)} threads and signing in ${2 * options.conversations + 2 * Math.ceil(options.senders / 2)} people…`);
      const conversationPairs = await createPairs(app.databaseUrl, "conv", options.conversations);
      const loadPairs = await createPairs(app.databaseUrl, "load", Math.ceil(options.senders / 2));
      const probe = await sendMessage(app.appUrl, { cookie: await signIn(app.appUrl, loadPairs[0]!.student.email) }, loadPairs[0]!.threadId, randomUUID(), "Warm-up");
      if (probe.status === 404 && !probe.body.startsWith("{")) throw new Error("The build has no send endpoint (POST /api/threads/{id}/messages): rebuild with `npx next build`.");
      if (probe.status !== 201) throw new Error(`The send endpoint answered ${probe.status}: ${probe.body.slice(0, 300)}`);

      log("floor: raw WebSocket relay…");
      const floor = stats(await floorRun(app.floorPort, options.conversations, options["per-conversation"], pauseMs));
      const commit = stats(await commitFloor(app.databaseUrl, 200));
      log("send → shown through the app…");
      const sample = () => cpuSample(app.pid);
      const cores = os.cpus().length;
      const live = await conversationsRun(app.appUrl, app.realtimePort, conversationPairs, options["per-conversation"], pauseMs, sample);
      const shown = stats(live.latencies);
      const answered = stats(live.answers);
      log(`throughput: ${2 * loadPairs.length} senders for ${options.seconds} s…`);
      const load = await throughputRun(app.appUrl, app.realtimePort, app.databaseUrl, loadPairs, options.seconds, sample);
      const loadAnswers = stats(load.answers);

      lines.push(
        `1. send → shown, ${options.conversations} conversations × ${options["per-conversation"]} messages (${cores} cores, Node ${process.version})`,
        `   ${"".padEnd(34)}${"n".padStart(6)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`,
        ...[
          ["raw WebSocket relay (floor)", floor],
          ["PostgreSQL commit, one at a time", commit],
          ["POST answered (201)", answered],
          ["send → other's pusher-js", shown],
        ].map(([label, s]) => {
          const row = s as ReturnType<typeof stats>;
          return `   ${String(label).padEnd(34)}${String(row.n).padStart(6)}${ms(row.p50).padStart(10)}${ms(row.p95).padStart(10)}${ms(row.p99).padStart(10)}`;
        }),
        ...(live.failures.length ? [`   failures: ${live.failures.length} (first: ${live.failures[0]})`] : []),
        `   ${describeCpu(...live.cpu, cores)}`,
        `2. throughput, ${2 * loadPairs.length} senders for ${options.seconds} s (offered ≤ ${Math.round(load.offeredPerSecond)}/s)`,
        `   accepted ${load.accepted}, delivered ${load.delivered} (${load.perSecond.toFixed(0)}/s), lost ${load.lost}, heard twice ${load.doubled}, rows ${load.stored} (${load.storedDistinct} distinct, ${load.storedUnanswered} without a 201)`,
        `   POST answered p50 ${ms(loadAnswers.p50)}, p95 ${ms(loadAnswers.p95)}, p99 ${ms(loadAnswers.p99)}`,
        ...[...load.refused].map(([reason, n]) => `   refused ×${n}: ${reason}`),
        `   ${describeCpu(...load.cpu, cores)}`,
      );
      targets.push(
        { label: "send → shown p95", value: ms(shown.p95), target: "≤ 50 ms", met: shown.p95 <= 50 },
        { label: "send → shown p95 vs floor p95", value: `${(shown.p95 / floor.p95).toFixed(1)}×`, target: "≤ 10×", met: shown.p95 <= 10 * floor.p95 },
        { label: "persisted and delivered", value: `${load.perSecond.toFixed(0)}/s`, target: "≥ 300/s", met: load.perSecond >= 300 },
        { label: "lost / doubled / rows ≠ accepted", value: `${load.lost} / ${load.doubled} / ${load.stored - load.accepted}`, target: "0 / 0 / 0", met: load.lost === 0 && load.doubled === 0 && load.stored === load.accepted && load.storedDistinct === load.accepted && load.storedUnanswered === 0 },
      );
    } finally {
      await app.stop();
    }
    if (profileDir) lines.push("", summarizeProfiles(profileDir));
  }

  if (options.only !== "live") {
    // Imported here so the live parts run even where the query functions do not exist yet.
    const { runQueryBench } = await import("./chat-queries");
    const { shape, rows } = await runQueryBench({ threads: options.threads, messages: options.messages, runs: options.runs, log });
    lines.push(
      `3. queries, ${shape.threads} threads / ${shape.messages} messages / ${shape.participants} participants (loaded in ${shape.seconds.toFixed(0)} s), ${options.runs} runs`,
      `   ${"".padEnd(58)}${"call p50".padStart(10)}${"call p95".padStart(10)}${"SQL".padStart(10)}  seq scans of large tables`,
      ...rows.map((row) => `   ${row.label.padEnd(58)}${ms(row.p50).padStart(10)}${ms(row.p95).padStart(10)}${ms(row.sqlMs).padStart(10)}  ${row.seqScans.join(", ") || "none"}`),
    );
    if (values.plans) for (const row of rows) lines.push(`\n── ${row.label} (${row.statements} statements)\n${row.plan}`);
    const inbox = rows.filter((row) => row.label.startsWith("inbox"));
    const worst = Math.max(...inbox.map((row) => row.sqlMs));
    targets.push(
      { label: `inbox first page SQL at ${shape.messages} messages`, value: ms(worst), target: "≤ 20 ms", met: worst <= 20 },
      { label: "index scans only (no seq scan of a large table)", value: rows.every((row) => row.seqScans.length === 0) ? "yes" : "no", target: "yes", met: rows.every((row) => row.seqScans.length === 0) },
    );
  }

  lines.push("", `${"target".padEnd(50)}${"measured".padStart(16)}  ${"wanted".padEnd(10)}met`);
  for (const t of targets) lines.push(`${t.label.padEnd(50)}${t.value.padStart(16)}  ${t.target.padEnd(10)}${t.met === null ? "–" : t.met ? "yes" : "NO"}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  process.exit(0);
}

void main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
