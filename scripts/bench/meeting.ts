/**
 * The meeting room on loopback: from the second participant's Join to the first frame of the other
 * person's video (not a test).
 *
 *   npx tsx scripts/bench/meeting.ts [--runs 10] [--base http://localhost:3000 [--database postgres://…]]
 *
 * Without --base it needs the production build (`npx next build` first) and starts it as
 * scripts/bench/chat.ts does (`next start`, embedded PostgreSQL in a temp dir, the local real-time
 * server) in a forked child. With --base it uses that app and its database (--database, else
 * DATABASE_URL, else the development server's embedded PostgreSQL on 127.0.0.1:5433), where it adds
 * a CS rep and a student of its own and a meeting starting now.
 *
 * One Chromium with a fake camera and microphone, two contexts. The first participant joins and
 * waits. Each run, the second clicks Join; measured are the second's first remote frame (their
 * requestVideoFrameCallback) and the first's first frame of the second (the same, on the other
 * page, in wall-clock time). Then the second leaves, and the next run joins again. One warm-up join
 * is not counted.
 */
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { createPairs, serveApp, signIn, type Pair, type ServeMessage } from "./chat-app";

const DEV_DATABASE_URL = "postgres://postgres:nano-local-postgres@127.0.0.1:5433/nano_problem";

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    database: { type: "string" },
    runs: { type: "string", default: "10" },
    serve: { type: "boolean", default: false },
  },
});

const log = (line: string) => process.stderr.write(`· ${line}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function startApp(): Promise<{ appUrl: string; databaseUrl: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first, or pass --base.");
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  let databaseUrl = "";
  const ready = await new Promise<Extract<ServeMessage, { type: "ready" }>>((resolve, reject) => {
    child.on("message", (message: ServeMessage) => {
      if (message.type === "database") databaseUrl = message.url;
      if (message.type === "ready") resolve(message);
    });
    child.once("exit", (code) => reject(new Error(`the app did not start (exit ${code})`)));
  });
  process.on("exit", () => child.kill("SIGTERM"));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { appUrl: ready.appUrl, databaseUrl, stop };
}

/** A meeting of the pair from a minute ago for an hour: the room is open. */
async function createMeeting(databaseUrl: string, pair: Pair): Promise<{ id: string; names: { staff: string; student: string } }> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const startsAt = new Date(Date.now() - 60_000);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const during = `[${startsAt.toISOString()},${endsAt.toISOString()})`;
    const meeting = await client.query<{ id: string }>("insert into meetings (organizer_id, title, starts_at, ends_at, time_zone) values ($1, 'Bench call', $2, $3, 'UTC') returning id", [pair.staff.id, startsAt, endsAt]);
    const id = meeting.rows[0]!.id;
    await client.query(
      "insert into meeting_participants (meeting_id, user_id, role, response, responded_at, during, holds_time) values ($1, $2, 'organizer', 'accepted', now(), $4, true), ($1, $3, 'invitee', 'accepted', now(), $4, true)",
      [id, pair.staff.id, pair.student.id, during],
    );
    const names = await client.query<{ user_id: string; full_name: string }>("select user_id, full_name from profiles where user_id = any($1)", [[pair.staff.id, pair.student.id]]);
    const name = (userId: string) => names.rows.find((row) => row.user_id === userId)?.full_name ?? "";
    return { id, names: { staff: name(pair.staff.id), student: name(pair.student.id) } };
  } finally {
    await client.end();
  }
}

async function openRoom(browser: Browser, base: string, email: string, meetingId: string): Promise<Page> {
  const cookie = await signIn(base, email);
  const [name, ...rest] = cookie.split("=");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["camera", "microphone"] });
  await context.addCookies([{ name: name!, value: rest.join("="), url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/meetings/${meetingId}/room`, { timeout: 180_000 });
  await joinReady(page);
  return page;
}

/** The lobby's Join is enabled once the preview runs and the real-time connection is there. */
async function joinReady(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll("button")].some((button) => button.textContent?.trim() === "Join" && !button.disabled), null, { timeout: 120_000 });
}

/** Resolves (in epoch ms) at the first frame the page shows in the named person's video. */
async function armFirstFrame(page: Page, label: string): Promise<void> {
  await page.evaluate((videoLabel) => {
    const state = window as unknown as { __firstFrame?: Promise<number> };
    // Inline callbacks only: tsx names stored functions with a helper the page does not have.
    state.__firstFrame = new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        const video = document.querySelector(`video[aria-label="${videoLabel}"]`) as HTMLVideoElement | null;
        if (!video?.srcObject) return;
        clearInterval(poll);
        video.requestVideoFrameCallback((_now, metadata) => resolve(performance.timeOrigin + metadata.presentationTime));
      }, 2);
    });
  }, label);
}

async function firstFrame(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __firstFrame: Promise<number> }).__firstFrame);
}

type Sample = { joinerMs: number; waitingMs: number };

async function oneJoin(first: Page, second: Page, names: { staff: string; student: string }): Promise<Sample> {
  await armFirstFrame(first, `${names.student}'s video`);
  const clicked = await second.evaluate((videoLabel) => {
    const state = window as unknown as { __firstFrame?: Promise<number> };
    const button = [...document.querySelectorAll("button")].find((candidate) => candidate.textContent?.trim() === "Join");
    if (!button) throw new Error("no Join button");
    state.__firstFrame = new Promise<number>((resolve) => {
      const poll = setInterval(() => {
        const video = document.querySelector(`video[aria-label="${videoLabel}"]`) as HTMLVideoElement | null;
        if (!video?.srcObject) return;
        clearInterval(poll);
        video.requestVideoFrameCallback((_now, metadata) => resolve(performance.timeOrigin + metadata.presentationTime));
      }, 2);
    });
    const at = performance.timeOrigin + performance.now();
    button.click();
    return at;
  }, `${names.staff}'s video`);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no remote frame within 60 s")), 60_000));
  const [joinerFrame, waitingFrame] = await Promise.race([Promise.all([firstFrame(second), firstFrame(first)]), timeout]);
  return { joinerMs: joinerFrame - clicked, waitingMs: waitingFrame - clicked };
}

async function leave(first: Page, second: Page, names: { student: string }): Promise<void> {
  await second.getByRole("button", { name: "Leave" }).click();
  await first.getByText(`Waiting for ${names.student} to join…`).waitFor({ timeout: 30_000 });
  await joinReady(second);
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(values.runs));
  const app = values.base
    ? { appUrl: values.base.replace(/\/$/, ""), databaseUrl: values.database ?? process.env.DATABASE_URL ?? DEV_DATABASE_URL, stop: async () => {} }
    : await startApp();
  const base = app.appUrl;
  const [pair] = await createPairs(app.databaseUrl, `meetbench${randomBytes(3).toString("hex")}`, 1);
  const meeting = await createMeeting(app.databaseUrl, pair!);
  const browser = await chromium.launch({
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
  });
  try {
    const first = await openRoom(browser, base, pair!.staff.email, meeting.id);
    const second = await openRoom(browser, base, pair!.student.email, meeting.id);
    await first.getByRole("button", { name: "Join" }).click();
    await first.getByText(`Waiting for ${meeting.names.student} to join…`).waitFor({ timeout: 30_000 });

    // Warm-up: the first join compiles and caches on the server's side; not counted.
    const warm = await oneJoin(first, second, meeting.names);
    log(`warm-up: ${warm.joinerMs.toFixed(0)} ms`);
    await leave(first, second, meeting.names);

    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const sample = await oneJoin(first, second, meeting.names);
      samples.push(sample);
      log(`join ${i + 1}: ${sample.joinerMs.toFixed(0)} ms to the joiner's first remote frame, ${sample.waitingMs.toFixed(0)} ms to the waiting side's`);
      await leave(first, second, meeting.names);
    }

    const joiner = samples.map((sample) => sample.joinerMs);
    const waiting = samples.map((sample) => sample.waitingMs);
    const rows: [string, string, string][] = [
      ["second's Join → their first remote frame", `${percentile(joiner, 50).toFixed(0)} ms`, `${percentile(joiner, 95).toFixed(0)} ms`],
      ["second's Join → first's first frame of them", `${percentile(waiting, 50).toFixed(0)} ms`, `${percentile(waiting, 95).toFixed(0)} ms`],
    ];
    const width = Math.max(...rows.map((row) => row[0].length));
    console.log(`\nMeeting room on ${base}, loopback, ${runs} joins\n`);
    console.log(`${"figure".padEnd(width)}  ${"p50".padStart(8)}  ${"p95".padStart(8)}`);
    for (const [name, p50, p95] of rows) console.log(`${name.padEnd(width)}  ${p50.padStart(8)}  ${p95.padStart(8)}`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (values.serve) await serveApp();
else await main();
