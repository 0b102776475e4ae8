/**
 * What one chat send costs each process, in CPU milliseconds (not a test): `--sends` messages one
 * at a time through 40 conversations (each author stays under the send limit), the receiver
 * subscribed, against the production build as scripts/bench/chat.ts runs it; CPU read from /proc
 * around the sends. The per-send figure is what bounds throughput on a small machine.
 *
 *   npx tsx scripts/bench/send-cpu.ts [--sends 400] [--profile] [--probe /api/threads/{thread}/messages?limit=x]
 *
 * --probe GETs that path instead of sending (`{thread}` becomes the conversation's thread): the
 * cost of a route with its session check and no work, to set beside a send's. --profile runs Next
 * under --cpu-prof and sums up where its time went.
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpuSample } from "./chat-cpu";
import { summarizeProfiles } from "./chat-profile";
import { connectParticipant, createPairs, sendMessage, signIn, type SendResult, type ServeMessage } from "./chat-app";

const CONVERSATIONS = 40;
const { values } = parseArgs({ options: { sends: { type: "string", default: "400" }, profile: { type: "boolean", default: false }, probe: { type: "string" } } });
const sends = Number(values.sends);
const profileDir = values.profile ? fs.mkdtempSync(path.join(os.tmpdir(), "nano-send-cpu-")) : undefined;

const child = fork(path.resolve("scripts/bench/chat.ts"), ["--serve"], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "ignore", "inherit", "ipc"],
  env: { ...process.env, ...(profileDir ? { CHAT_BENCH_PROFILE_DIR: profileDir } : {}) },
});
process.on("exit", () => child.kill("SIGTERM"));
let databaseUrl = "";
const ready = await new Promise<Extract<ServeMessage, { type: "ready" }>>((resolve) => child.on("message", (m: ServeMessage) => (m.type === "database" ? (databaseUrl = m.url) : resolve(m))));

const pairs = await createPairs(databaseUrl, "cpu", CONVERSATIONS);
let heard = 0;
const senders = await Promise.all(
  pairs.map(async (pair) => {
    const cookie = await signIn(ready.appUrl, pair.student.email);
    await connectParticipant(ready.appUrl, ready.realtimePort, pair.staff, await signIn(ready.appUrl, pair.staff.email), pair.threadId, () => void heard++);
    return { threadId: pair.threadId, cookie };
  }),
);
// Warm caches and compiled routes before measuring.
for (const sender of senders) await sendMessage(ready.appUrl, sender, sender.threadId, randomUUID(), "Warm-up");

async function probe(url: string, cookie: string): Promise<SendResult> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  return { status: response.status, ms: performance.now() - started, body };
}

const heardBefore = heard;
const before = cpuSample(child.pid);
const started = performance.now();
const answered: number[] = [];
for (let k = 0; k < sends; k++) {
  const sender = senders[k % senders.length]!;
  // A round of 40 takes well under a second: a pause per round keeps each author under 20 per 10 s.
  if (k > 0 && k % senders.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
  const result = values.probe
    ? await probe(`${ready.appUrl}${values.probe.replace("{thread}", sender.threadId)}`, sender.cookie)
    : await sendMessage(ready.appUrl, sender, sender.threadId, randomUUID(), `Message ${k + 1}`);
  if (!values.probe && result.status !== 201) throw new Error(`send answered ${result.status}: ${result.body.slice(0, 200)}`);
  answered.push(result.ms);
}
await new Promise((resolve) => setTimeout(resolve, 300));
const after = cpuSample(child.pid);
const seconds = (performance.now() - started) / 1000;

answered.sort((a, b) => a - b);
const perSend = (kind: string) => (before && after ? (((after.byKind.get(kind) ?? 0) - (before.byKind.get(kind) ?? 0)) * 1000) / sends : Number.NaN);
const what = values.probe ? `GET ${values.probe}` : "sends";
console.log(`${sends} ${what} in ${seconds.toFixed(1)} s; answered p50 ${answered[Math.floor(sends / 2)]!.toFixed(1)} ms, p95 ${answered[Math.floor(sends * 0.95)]!.toFixed(1)} ms`);
console.log(`CPU per request: Next ${perSend("Next").toFixed(2)} ms, PostgreSQL ${perSend("PostgreSQL").toFixed(2)} ms, real-time server ${perSend("real-time server").toFixed(2)} ms, clients ${perSend("bench clients").toFixed(2)} ms`);
if (!values.probe) console.log(`heard by the other side: ${heard - heardBefore} of ${sends}`);
child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));
if (profileDir) console.log(summarizeProfiles(profileDir, 30));
process.exit(0);
