/**
 * Local Pusher-protocol server for development and tests.
 *
 *   npx tsx scripts/realtime-server.ts
 *
 * Env: PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_HOST, PUSHER_PORT,
 * REALTIME_ALLOWED_ORIGINS (comma-separated), REALTIME_LOG_LEVEL
 * (silent|error|warn|info|debug). Production must use Pusher Channels or
 * Soketi, so this refuses to start with NODE_ENV=production.
 */
import { z } from "zod";
import { LOG_LEVELS } from "../lib/realtime/server/config";
import { startRealtimeServer } from "../lib/realtime/server/server";
import { watchSupervisor } from "../lib/supervisor-watchdog";

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PUSHER_APP_ID: z.string().min(1).default("nano-local"),
  PUSHER_KEY: z.string().min(1).default("nano-local-key"),
  PUSHER_SECRET: z.string().min(1).default("nano-local-secret"),
  PUSHER_HOST: z.string().min(1).default("127.0.0.1"),
  PUSHER_PORT: z.coerce.number().int().min(0).max(65535).default(6001),
  REALTIME_ALLOWED_ORIGINS: z
    .string()
    .default("http://localhost:3000,http://127.0.0.1:3000")
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean)),
  REALTIME_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

function fail(message: string): never {
  process.stderr.write(`realtime server: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // Empty strings mean "unset", as with most .env loaders.
  const rawEnv = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(rawEnv);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`invalid environment: ${issue ? `${issue.path.join(".")} ${issue.message}` : "unknown error"}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production") {
    fail("refusing to start with NODE_ENV=production; use Pusher Channels or Soketi in production");
  }

  let server: Awaited<ReturnType<typeof startRealtimeServer>>;
  try {
    server = await startRealtimeServer({
      appId: env.PUSHER_APP_ID,
      key: env.PUSHER_KEY,
      secret: env.PUSHER_SECRET,
      host: env.PUSHER_HOST,
      port: env.PUSHER_PORT,
      allowedOrigins: env.REALTIME_ALLOWED_ORIGINS,
      logLevel: env.REALTIME_LOG_LEVEL,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") fail(`port ${env.PUSHER_PORT} on ${env.PUSHER_HOST} is already in use (set PUSHER_PORT)`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") fail(`cannot listen on host ${env.PUSHER_HOST} (set PUSHER_HOST)`);
    fail(error instanceof Error ? error.message : String(error));
  }
  process.stdout.write(`realtime server listening on ws://${server.host}:${server.port}\n`);
  const supervisor = Number(process.env.NANO_SUPERVISOR_PID);
  if (supervisor > 0) watchSupervisor(supervisor);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C means "now": do not wait for slow sockets.
      process.stderr.write(`realtime server: ${signal} again, exiting immediately\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`error while stopping: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
