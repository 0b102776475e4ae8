/**
 * Benchmark of the local realtime server (not a test).
 *
 *   npx tsx scripts/bench/realtime.ts [--subscribers 1000] [--events 200] [--idle 5000] [--concurrency 1]
 *
 * The servers (the Pusher-protocol server and a bare `ws` fan-out server used
 * as the floor) run in a forked child process so that its RSS is the server's
 * alone; every client runs in this process. Both fan-out scenarios use the
 * same driver: publish `events` messages with at most `concurrency` awaiting
 * their acknowledgement (HTTP 200 for Pusher, an ack frame for the floor), and
 * time each delivery from just before publishing to its arrival in a client.
 * Client-side decoding of N×E messages shares one event loop, which inflates
 * both rows alike — compare the two rows, not the absolute numbers.
 *
 * Sockets: each connection costs one file descriptor in each process, so
 * `--idle 5000` needs `ulimit -n` above ~5100 (check with `ulimit -n`, raise
 * with `ulimit -n 65536` in the shell first).
 */
import { fork, execSync } from "node:child_process";
import { Agent } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import PusherServer from "pusher";
import Pusher from "pusher-js";
import { WebSocket, WebSocketServer } from "ws";
import { z } from "zod";
import { startRealtimeServer } from "../../lib/realtime/server/server";

const APP = { appId: "bench", key: "bench-key", secret: "bench-secret" };
const HOST = "127.0.0.1";

type ToParent = { type: "ready"; pusherPort: number; floorPort: number } | { type: "memory"; rss: number; heapUsed: number };

async function serve(): Promise<void> {
  const server = await startRealtimeServer({ ...APP, host: HOST, port: 0, logLevel: "silent" });
  // Floor: the least a WebSocket fan-out can cost — no parsing, no channels, no auth.
  const floor = new WebSocketServer({ host: HOST, port: 0, perMessageDeflate: false });
  floor.on("connection", (ws) => {
    ws.on("message", (data) => {
      for (const client of floor.clients) if (client !== ws) client.send(data, { binary: false });
      ws.send("ack");
    });
  });
  await new Promise<void>((resolve) => floor.once("listening", () => resolve()));
  const floorAddress = floor.address();
  const floorPort = typeof floorAddress === "object" && floorAddress !== null ? floorAddress.port : 0;
  const send = (message: ToParent): void => void process.send?.(message);
  process.on("message", (message: unknown) => {
    if (message !== "memory") return;
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    send({ type: "memory", rss: usage.rss, heapUsed: usage.heapUsed });
  });
  process.on("disconnect", () => void server.close().then(() => process.exit(0)));
  send({ type: "ready", pusherPort: server.port, floorPort });
}

interface Row {
  scenario: string;
  deliveries: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summarise(scenario: string, latencies: number[], elapsedMs: number, expected: number): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  const missing = expected - latencies.length;
  return {
    scenario,
    deliveries: latencies.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    perSecond: (latencies.length / elapsedMs) * 1000,
    note: missing > 0 ? `${missing} missing` : "",
  };
}

/** Publishes `count` messages keeping at most `concurrency` unacknowledged. */
async function drive(count: number, concurrency: number, publish: (seq: number, sentAt: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const seq = next++;
      await publish(seq, performance.now());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = (): void => (condition() || Date.now() - started > timeoutMs ? resolve() : void setTimeout(check, 5));
    check();
  });
}

async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, i) => make(start + i));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

function openSocket(url: string, onMessage?: (data: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    if (onMessage) ws.on("message", (data) => onMessage(String(data)));
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

async function floorFanOut(port: number, subscribers: number, events: number, concurrency: number): Promise<Row> {
  const latencies: number[] = [];
  const url = `ws://${HOST}:${port}`;
  const clients = await inBatches(subscribers, 200, () =>
    openSocket(url, (data) => latencies.push(performance.now() - (JSON.parse(data) as { t: number }).t)),
  );
  const pendingAcks: Array<() => void> = [];
  const publisher = await openSocket(url, () => pendingAcks.shift()?.());
  const started = performance.now();
  await drive(events, concurrency, (seq, t) => {
    const acked = new Promise<void>((resolve) => pendingAcks.push(resolve));
    publisher.send(JSON.stringify({ seq, t }));
    return acked;
  });
  await waitUntil(() => latencies.length >= subscribers * events, 60_000);
  const row = summarise("raw ws fan-out (floor)", latencies, performance.now() - started, subscribers * events);
  for (const ws of [...clients, publisher]) ws.terminate();
  return row;
}

async function triggerAll(port: number, events: number, concurrency: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const sdk = new PusherServer({ ...APP, host: HOST, port: String(port), useTLS: false, agent });
  await drive(events, concurrency, async (seq, t) => {
    await sdk.trigger("bench", "tick", { seq, t });
  });
  agent.destroy();
}

/** Same server path as pusherFanOut but bare sockets, to separate server cost from pusher-js's own. */
async function pusherRawFanOut(port: number, subscribers: number, events: number, concurrency: number): Promise<Row> {
  const latencies: number[] = [];
  const url = `ws://${HOST}:${port}/app/${APP.key}?protocol=7&client=bench&version=0`;
  const clients = await inBatches(subscribers, 200, async () => {
    let subscribed: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (subscribed = resolve));
    const ws = await openSocket(url, (text) => {
      const frame = JSON.parse(text) as { event: string; data: string };
      if (frame.event === "tick") latencies.push(performance.now() - (JSON.parse(frame.data) as { t: number }).t);
      else if (frame.event === "pusher_internal:subscription_succeeded") subscribed();
    });
    ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "bench" } }));
    await ready;
    return ws;
  });
  const started = performance.now();
  await triggerAll(port, events, concurrency);
  await waitUntil(() => latencies.length >= subscribers * events, 60_000);
  const row = summarise("pusher SDK trigger → raw ws", latencies, performance.now() - started, subscribers * events);
  for (const ws of clients) ws.terminate();
  return row;
}

async function pusherFanOut(port: number, subscribers: number, events: number, concurrency: number): Promise<Row> {
  const latencies: number[] = [];
  const clients = await inBatches(subscribers, 100, async () => {
    const client = new Pusher(APP.key, {
      cluster: "local",
      wsHost: HOST,
      wsPort: port,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
    });
    const channel = client.subscribe("bench");
    channel.bind("tick", (data: { t: number }) => latencies.push(performance.now() - data.t));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    return client;
  });
  const started = performance.now();
  await triggerAll(port, events, concurrency);
  await waitUntil(() => latencies.length >= subscribers * events, 60_000);
  const row = summarise("pusher SDK trigger → pusher-js", latencies, performance.now() - started, subscribers * events);
  for (const client of clients) client.disconnect();
  return row;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: "string", default: "1000" },
      events: { type: "string", default: "200" },
      idle: { type: "string", default: "5000" },
      concurrency: { type: "string", default: "1" },
      serve: { type: "boolean", default: false },
    },
  });
  if (values.serve) return serve();
  const count = z.coerce.number().int().min(0);
  const options = z
    .object({ subscribers: count, events: count, idle: count, concurrency: count.min(1) })
    .parse(values);

  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const messages: Array<(message: ToParent) => void> = [];
  child.on("message", (message: ToParent) => messages.shift()?.(message));
  const nextMessage = (): Promise<ToParent> => new Promise((resolve) => messages.push(resolve));
  const ready = await nextMessage();
  if (ready.type !== "ready") throw new Error("server child did not start");
  const memory = async (): Promise<{ rss: number; heapUsed: number }> => {
    const reply = nextMessage();
    child.send("memory");
    const message = await reply;
    if (message.type !== "memory") throw new Error("unexpected message");
    return message;
  };

  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const baseline = await memory();
  const idleUrl = `ws://${HOST}:${ready.pusherPort}/app/${APP.key}?protocol=7&client=bench&version=0`;
  const idleSockets = await inBatches(options.idle, 500, async (i) => {
    let established: () => void = () => undefined;
    const handshake = new Promise<void>((resolve) => (established = resolve));
    const ws = await openSocket(idleUrl, () => established());
    await handshake;
    ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: `idle-${i % 100}` } }));
    return ws;
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const loaded = await memory();
  for (const ws of idleSockets) ws.terminate();

  const floor = await floorFanOut(ready.floorPort, options.subscribers, options.events, options.concurrency);
  const pusherRaw = await pusherRawFanOut(ready.pusherPort, options.subscribers, options.events, options.concurrency);
  const pusher = await pusherFanOut(ready.pusherPort, options.subscribers, options.events, options.concurrency);
  child.disconnect();

  const ulimit = (() => {
    try {
      return execSync("ulimit -n", { shell: "/bin/sh" }).toString().trim();
    } catch {
      return "unknown";
    }
  })();
  const header = `${options.subscribers} subscribers × ${options.events} events, concurrency ${options.concurrency}; Node ${process.version}; ulimit -n ${ulimit}`;
  const ms = (value: number): string => value.toFixed(2).padStart(8);
  const lines = [
    header,
    `${"scenario".padEnd(34)}${"deliveries".padStart(11)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"p99 ms".padStart(8)}${"deliveries/s".padStart(14)}  note`,
    ...[floor, pusherRaw, pusher].map(
      (row) =>
        `${row.scenario.padEnd(34)}${String(row.deliveries).padStart(11)}${ms(row.p50)}${ms(row.p95)}${ms(row.p99)}${Math.round(row.perSecond).toString().padStart(14)}  ${row.note}`,
    ),
    `${`idle connections (${options.idle}, subscribed)`.padEnd(34)}  server RSS ${mb(baseline.rss)} → ${mb(loaded.rss)}` +
      ` (${options.idle > 0 ? (((loaded.rss - baseline.rss) / options.idle) / 1024).toFixed(1) : "0"} KB/conn; heap ${mb(baseline.heapUsed)} → ${mb(loaded.heapUsed)})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  process.exit(0);
}

void main();
