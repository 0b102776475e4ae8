import { loadDotEnv } from "./lib/dotenv";
import { localAuthSecret } from "./lib/local-defaults";
import { runApp } from "./lib/run-app";
import { watchWidget } from "./lib/widget-build";

// `npm run dev`: everything a newcomer needs, with embedded defaults for what is not configured.
loadDotEnv();
if (process.env.NODE_ENV === "production") {
  console.error("✖ npm run dev is for development; use npm run build && npm start in production");
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
// Without an SMTP relay, emails land in the local mailbox at /dev/mailbox; links in them point here.
const mail = { APP_URL: process.env.APP_URL || `http://localhost:${port}`, MAILBOX_ENABLED: process.env.MAILBOX_ENABLED || (process.env.SMTP_URL ? "0" : "1") };

// The visitor widget is built by esbuild, not Next: once now, then on every change.
const widget = await watchWidget();

await runApp({
  nextCommand: "dev",
  port,
  env: { ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(), ...mail },
  embedded: { dataDir: ".data/postgres", port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5433) },
  seed: true,
  // Configured Pusher Channels or Soketi replaces the local real-time server.
  localRealtimePort: process.env.PUSHER_APP_ID ? undefined : Number(process.env.PUSHER_PORT ?? 6001),
  alsoStop: widget.dispose,
});
