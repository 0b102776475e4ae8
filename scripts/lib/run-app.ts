import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { prepareDemoData } from "../demo/prepare-demo";
import { printBanner } from "./banner";
import { spawnChild, stopChild, waitForHttp } from "./children";
import { checkDatabaseReachable, migrateWithLock } from "./database";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { errorText } from "./fail";
import { isPortFree } from "./ports";
import { localRealtimeEnv } from "./realtime-child";
import { serveRealtimeControl, startSwitchableRealtime, type LocalRealtime, type RealtimeControlServer } from "./realtime-control";

export type RunAppOptions = {
  /** `dev` or `start`. */
  nextCommand: "dev" | "start";
  port: number;
  env: NodeJS.ProcessEnv;
  /** Where to run PostgreSQL when env has no DATABASE_URL. */
  embedded?: { dataDir: string; port: number };
  /** Seed demo data into an empty database and name its logins in the banner; `npm start` never does. */
  seed: boolean;
  /** Start the local Pusher-protocol server on this port and point the app at it. */
  localRealtimePort?: number;
  /** Also append Next's output to this file (the fuzz suite reads it for error lines). */
  logFile?: string;
  /** Told the database's URL once it is migrated, before Next starts (tests compare its rows). */
  onDatabaseReady?: (url: string) => void;
  /**
   * Given, the local real-time server may be stopped and started again mid-run through an HTTP
   * endpoint on loopback (scripts/lib/realtime-control.ts), whose URL this is told before Next starts.
   */
  onRealtimeControl?: (url: string) => void;
  /** Node flags for Next's process (scripts/bench/chat.ts --profile passes --cpu-prof). */
  nextNodeArgs?: string[];
  /** Stopped with everything else (`npm run dev`'s widget watcher, whose esbuild process would outlive it). */
  alsoStop?: () => Promise<void>;
};

/**
 * Brings the app up in order (database, migrations, seed, Next) and down in reverse on
 * SIGINT/SIGTERM or when any part dies, so no process outlives it.
 */
export async function runApp(options: RunAppOptions): Promise<void> {
  let database: EmbeddedDatabase | undefined;
  const children: ChildProcess[] = [];
  let realtime: LocalRealtime | undefined;
  let realtimeControl: RealtimeControlServer | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await realtimeControl?.close();
    await Promise.all([...children.map((child) => stopChild(child)), realtime?.stop(), options.alsoStop?.().catch(() => {})]);
    if (database) await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const fail = async (message: string) => {
    console.error(`✖ ${message}`);
    await shutdown(1);
  };
  // A library's unhandled error event (a program it spawns that cannot run) still ends in one line.
  process.on("uncaughtException", (error) => void fail(errorText(error)));

  try {
    if (!(await isPortFree(options.port, "0.0.0.0"))) return fail(`port ${options.port} is already in use (set PORT to another one)`);
    let url = options.env.DATABASE_URL;
    if (!url) {
      if (!options.embedded) return fail("DATABASE_URL is not set");
      database = await startEmbeddedPostgres(options.embedded);
      await ensureDatabase(database.adminUrl, "nano_problem");
      url = database.urlFor("nano_problem");
    } else {
      await checkDatabaseReachable(url);
    }
    await migrateWithLock(url);
    const demo = await prepareDemoData(url, { seed: options.seed, storageRoot: options.env.UPLOADS_DIR });
    options.onDatabaseReady?.(url);
    let env: NodeJS.ProcessEnv = { ...options.env, DATABASE_URL: url, PORT: String(options.port) };
    if (options.localRealtimePort) {
      const appOrigins = [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`];
      const onUnexpectedExit = (code: number | null) => {
        if (!stopping) void fail(`the real-time server exited unexpectedly (code ${code ?? "signal"})`);
      };
      realtime = await startSwitchableRealtime({ port: options.localRealtimePort, appOrigins, env, onUnexpectedExit });
      env = { ...env, ...localRealtimeEnv(options.localRealtimePort) };
      if (options.onRealtimeControl) {
        realtimeControl = await serveRealtimeControl(realtime);
        options.onRealtimeControl(realtimeControl.url);
      }
    }
    const nextBin = path.resolve("node_modules/next/dist/bin/next");
    const next = spawnChild(process.execPath, [...(options.nextNodeArgs ?? []), nextBin, options.nextCommand, "-p", String(options.port)], env, options.logFile);
    children.push(next);
    for (const child of children) {
      child.once("exit", (code) => {
        if (!stopping) void fail(`a server process exited unexpectedly (code ${code ?? "signal"})`);
      });
    }
    const appUrl = `http://localhost:${options.port}`;
    await waitForHttp(`${appUrl}/login`, 180_000, next);
    printBanner(appUrl, demo, env.MAILBOX_ENABLED === "1" && !env.SMTP_URL ? `${appUrl}/dev/mailbox` : null);
  } catch (error) {
    await fail(errorText(error));
  }
}
