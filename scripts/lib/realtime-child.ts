import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { LOCAL_REALTIME } from "@/lib/realtime/config";
import { spawnChild, waitForHttp } from "./children";
import { isPortFree } from "./ports";

type Options = { port: number; appOrigins: string[]; env: NodeJS.ProcessEnv };

/** The env the app needs to publish to, and authorize for, the local real-time server. */
export function localRealtimeEnv(port: number): Record<string, string> {
  return {
    PUSHER_APP_ID: LOCAL_REALTIME.appId,
    PUSHER_KEY: LOCAL_REALTIME.key,
    PUSHER_SECRET: LOCAL_REALTIME.secret,
    PUSHER_HOST: LOCAL_REALTIME.host,
    PUSHER_PORT: String(port),
    PUSHER_USE_TLS: "false",
  };
}

/** Starts scripts/realtime-server.ts as a child and waits until it answers its health check. */
export async function startLocalRealtime(options: Options): Promise<ChildProcess> {
  if (!(await isPortFree(options.port, LOCAL_REALTIME.host))) {
    throw new Error(`real-time port ${options.port} is already in use (set PUSHER_PORT to another one)`);
  }
  const env = {
    ...options.env,
    ...localRealtimeEnv(options.port),
    // The local server refuses production; the e2e harness runs the app itself in production mode.
    NODE_ENV: "development" as const,
    REALTIME_ALLOWED_ORIGINS: options.appOrigins.join(","),
    REALTIME_LOG_LEVEL: options.env.REALTIME_LOG_LEVEL ?? "warn",
  };
  const child = spawnChild(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/realtime-server.ts"], env);
  await waitForHttp(`http://${LOCAL_REALTIME.host}:${options.port}/health`, 30_000, child);
  return child;
}
