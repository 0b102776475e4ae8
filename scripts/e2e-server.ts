import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startPaypalStandIn } from "../test/standins/paypal-server";
import { startStripeStandIn } from "../test/standins/stripe-server";
import { startWidgetHostSite } from "../test/sites/widget-host-site";
import { findFreePort } from "./lib/ports";
import { runApp } from "./lib/run-app";

// The production build with embedded defaults, in a fresh data directory per run.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-e2e-"));
fs.chmodSync(dataDir, 0o755);
process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = { ...process.env, UPLOADS_DIR: path.join(dataDir, "uploads"), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn" };
for (const name of ["DATABASE_URL", "PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT", "SMTP_URL"]) delete env[name];

const port = Number(process.env.E2E_PORT ?? 3100);
// Mail never leaves a test run: it lands in the local mailbox, which journeys open at /dev/mailbox.
Object.assign(env, { APP_URL: `http://localhost:${port}`, MAILBOX_ENABLED: "1" });
// Stripe cannot be reached from here: the real SDK talks to our stand-in, whose hosted checkout
// page delivers signed webhooks back to the app.
const stripe = await startStripeStandIn({ webhookUrl: `http://localhost:${port}/api/webhooks/stripe` });
Object.assign(env, { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_BASE: stripe.url });
// PayPal likewise: the real SDK talks to our stand-in, whose approval page sends the browser back to
// the app, and which delivers PAYMENT.CAPTURE.COMPLETED after a capture.
const paypal = await startPaypalStandIn({ webhookUrl: `http://localhost:${port}/api/webhooks/paypal` });
Object.assign(env, { PAYPAL_CLIENT_ID: paypal.clientId, PAYPAL_CLIENT_SECRET: paypal.clientSecret, PAYPAL_WEBHOOK_ID: paypal.webhookId, PAYPAL_ENVIRONMENT: "sandbox", PAYPAL_API_BASE: paypal.url });

// Another website embeds the chat widget: listed as `http://localhost:{port}`; the same server as
// `http://127.0.0.1:{port}` is an origin that is not.
const widgetIdentitySecret = randomBytes(32).toString("hex");
const widgetHost = await startWidgetHostSite({ appUrl: `http://localhost:${port}`, identitySecret: widgetIdentitySecret });
Object.assign(env, { WIDGET_ALLOWED_ORIGINS: `http://localhost:${widgetHost.port}`, WIDGET_IDENTITY_SECRET: widgetIdentitySecret });

// The fuzz suite (e2e/fuzz.spec.ts) compares this server's rows and reads its log for errors: both
// are private to this run, so it learns where they are from a file next to the test reports, as
// journeys learn where to stop and start the real-time server.
const infoFile = path.resolve(".test-results/e2e-server.json");
const logFile = path.resolve(".test-results/e2e-server.log");
fs.mkdirSync(path.dirname(infoFile), { recursive: true });
fs.rmSync(infoFile, { force: true });
fs.writeFileSync(logFile, "");
process.on("exit", () => fs.rmSync(infoFile, { force: true }));
const info: Record<string, string> = { appUrl: `http://localhost:${port}`, logFile, widgetHostPort: String(widgetHost.port) };
const writeInfo = (more: Record<string, string>) => fs.writeFileSync(infoFile, JSON.stringify(Object.assign(info, more), null, 2));

await runApp({
  nextCommand: "start",
  port,
  env,
  embedded: { dataDir: path.join(dataDir, "postgres"), port: await findFreePort() },
  seed: true,
  localRealtimePort: await findFreePort(),
  logFile,
  onDatabaseReady: (databaseUrl) => writeInfo({ databaseUrl }),
  // Journeys stop and start the real-time server mid-conversation through this (e2e/realtime-control.ts).
  onRealtimeControl: (realtimeControlUrl) => writeInfo({ realtimeControlUrl }),
});
