import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import Pusher from "pusher-js";
import { WebSocketServer } from "ws";
import { hashPassword } from "@/lib/auth/passwords";
import { LOCAL_REALTIME } from "@/lib/realtime/config";
import { findFreePort } from "../lib/ports";
import { runApp } from "../lib/run-app";

/**
 * The app side of scripts/bench/chat.ts: the production build run as the e2e harness runs it
 * (embedded PostgreSQL in a temp dir, the local real-time server), plus a bare WebSocket relay as
 * the floor, all in a forked child; and what a participant does from the bench's process (sign in,
 * subscribe with pusher-js, send).
 */

export type ServeMessage = { type: "database"; url: string } | { type: "ready"; appUrl: string; realtimePort: number; floorPort: number };

/** Runs in the forked child. runApp ends everything (and this process) on SIGTERM. */
export async function serveApp(): Promise<void> {
  const send = (message: ServeMessage) => void process.send?.(message);
  // Floor: a relay that hands each frame to the other sockets of its room and does nothing else.
  const floor = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  const rooms = new Map<string, Set<import("ws").WebSocket>>();
  floor.on("connection", (ws, request) => {
    const room = new URL(request.url ?? "/", "http://x").searchParams.get("room") ?? "";
    const members = rooms.get(room) ?? new Set();
    rooms.set(room, members.add(ws));
    ws.on("message", (data) => {
      for (const other of members) if (other !== ws) other.send(data, { binary: false });
    });
    ws.on("close", () => members.delete(ws));
  });
  await new Promise<void>((resolve) => floor.once("listening", () => resolve()));
  const floorAddress = floor.address();
  const floorPort = typeof floorAddress === "object" && floorAddress !== null ? floorAddress.port : 0;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-bench-chat-app-"));
  fs.chmodSync(dataDir, 0o755);
  process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await findFreePort();
  const realtimePort = await findFreePort();
  const appUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, UPLOADS_DIR: path.join(dataDir, "uploads"), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn", APP_URL: appUrl, MAILBOX_ENABLED: "1" };
  for (const name of ["DATABASE_URL", "PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT", "SMTP_URL", "STRIPE_SECRET_KEY", "PAYPAL_CLIENT_ID", "CHAT_BENCH_PROFILE_DIR"]) delete env[name];
  await runApp({
    nextCommand: "start",
    port,
    env,
    embedded: { dataDir: path.join(dataDir, "postgres"), port: await findFreePort() },
    seed: false,
    localRealtimePort: realtimePort,
    onDatabaseReady: (url) => send({ type: "database", url }),
    // --profile: Next writes a CPU profile when it exits.
    nextNodeArgs: process.env.CHAT_BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CHAT_BENCH_PROFILE_DIR}`] : [],
  });
  send({ type: "ready", appUrl, realtimePort, floorPort });
}

export const BENCH_PASSWORD = "bench-password-2026";

export type Person = { id: string; email: string; role: "student" | "cs_rep" };
export type Pair = { threadId: string; student: Person; staff: Person };

/**
 * `count` direct threads, each between a student and a CS rep of its own (staff may start a thread
 * with anyone), inserted as rows: what is measured is sending, not starting threads.
 */
export async function createPairs(databaseUrl: string, prefix: string, count: number): Promise<Pair[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const hash = await hashPassword(BENCH_PASSWORD);
    const { rows } = await client.query<{ id: string; email: string; role: Person["role"]; i: number }>(
      `with made as (
         insert into users (email, password_hash, role)
         select $1 || '-' || r.role || '-' || i || '@bench.test', $2, r.role::user_role
         from generate_series(1, $3::int) as i, (values ('student'), ('cs_rep')) as r(role)
         returning id, email, role::text
       ), named as (
         insert into profiles (user_id, full_name) select id, initcap(split_part(email, '@', 1)) from made returning user_id
       )
       select made.id, made.email, made.role, split_part(split_part(made.email, '@', 1), '-', 3)::int as i from made order by i, role desc`,
      [prefix, hash, count],
    );
    const pairs: Pair[] = [];
    for (let i = 0; i < count; i++) {
      const student = rows.find((row) => row.i === i + 1 && row.role === "student")!;
      const staff = rows.find((row) => row.i === i + 1 && row.role === "cs_rep")!;
      const thread = await client.query<{ id: string }>(
        `with t as (insert into threads (kind, subject, created_by) values ('direct', $1, $2) returning id)
         insert into thread_participants (thread_id, user_id) select t.id, u from t, unnest($3::uuid[]) as u returning thread_id as id`,
        [`Bench ${prefix} ${i + 1}`, staff.id, [student.id, staff.id]],
      );
      pairs.push({ threadId: thread.rows[0]!.id, student: { id: student.id, email: student.email, role: "student" }, staff: { id: staff.id, email: staff.email, role: "cs_rep" } });
    }
    return pairs;
  } finally {
    await client.end();
  }
}

/** Auth.js's credentials flow over HTTP, as the sign-in form does: the session cookie, ready for a Cookie header. */
export async function signIn(appUrl: string, email: string, password = BENCH_PASSWORD): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: appUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${appUrl}/` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => /^(__Secure-)?authjs\.session-token=/.test(cookie));
  if (!session) throw new Error(`sign-in as ${email} gave no session (${response.status} → ${response.headers.get("location")})`);
  return session.split(";")[0]!;
}

export type Participant = Person & { cookie: string; client: Pusher };

type MessageEvent = { message?: { clientMessageId: string; author: { id: string } } };

/**
 * A participant's pusher-js, authorized by the app's /api/pusher/auth with their cookie and
 * subscribed to the thread; `onMessage` hears messages others send there.
 */
export async function connectParticipant(
  appUrl: string,
  realtimePort: number,
  person: Person,
  cookie: string,
  threadId: string,
  onMessage: (clientMessageId: string) => void,
): Promise<Participant> {
  const client = new Pusher(LOCAL_REALTIME.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: realtimePort,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        fetch(`${appUrl}/api/pusher/auth`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: appUrl },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
        })
          .then(async (response) => (response.ok ? callback(null, await response.json()) : callback(new Error(`auth ${response.status}: ${await response.text()}`), null)))
          .catch((error: Error) => callback(error, null));
      },
    },
  });
  const channel = client.subscribe(`private-thread-${threadId}`);
  channel.bind("message.created", (data: MessageEvent) => {
    if (data.message && data.message.author.id !== person.id) onMessage(data.message.clientMessageId);
  });
  await new Promise<void>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscribing ${person.email}: ${JSON.stringify(error)}`)));
  });
  return { ...person, cookie, client };
}

export type SendResult = { status: number; ms: number; body: string };

/** The composer's send: POST /api/threads/{id}/messages, same-origin, with the session cookie. */
export async function sendMessage(appUrl: string, sender: { cookie: string }, threadId: string, clientMessageId: string, body: string): Promise<SendResult> {
  const started = performance.now();
  const response = await fetch(`${appUrl}/api/threads/${threadId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: sender.cookie, origin: appUrl },
    body: JSON.stringify({ clientMessageId, body, attachmentIds: [] }),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, body: text };
}

/** `work` over `items` with at most `concurrency` at a time, results in order. */
export async function pooled<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
