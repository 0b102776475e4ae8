import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startPaypalStandIn } from "../test/standins/paypal-server";
import { startStripeStandIn } from "../test/standins/stripe-server";
import { startUploadThingStandIn } from "../test/standins/uploadthing-server";
import { prepareDemoData } from "./demo/prepare-demo";
import { serveClusterControl, type ClusterControlServer } from "./lib/cluster-control";
import { checkDatabaseReachable, migrateWithLock } from "./lib/database";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { errorText } from "./lib/fail";
import { startNextInstance, type NextInstance } from "./lib/next-instance";
import { findFreePort } from "./lib/ports";
import { localRealtimeEnv } from "./lib/realtime-child";
import { startSwitchableRealtime, type LocalRealtime } from "./lib/realtime-control";

/**
 * Two `next start` instances of the production build (A and B) on two ports, sharing one
 * PostgreSQL, one real-time server, one AUTH_SECRET and UploadThing (a stand-in: local disk is per
 * machine), as two machines behind a load balancer would. Payment providers' webhooks land on B.
 * Journeys in e2e/cluster learn the addresses from .test-results/e2e-cluster.json and switch parts
 * off and on through a control endpoint on loopback (scripts/lib/cluster-control.ts).
 */
const portA = Number(process.env.E2E_CLUSTER_PORT ?? 3200);
const portB = Number(process.env.E2E_CLUSTER_PORT_B ?? portA + 1);
const controlPort = Number(process.env.E2E_CLUSTER_CONTROL_PORT ?? portA + 2);
const instanceA = `http://localhost:${portA}`;
const instanceB = `http://localhost:${portB}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-e2e-cluster-"));
fs.chmodSync(dataDir, 0o755);
const infoFile = path.resolve(".test-results/e2e-cluster.json");
const logFile = path.resolve(".test-results/e2e-cluster.log");
fs.mkdirSync(path.dirname(infoFile), { recursive: true });
fs.rmSync(infoFile, { force: true });
fs.writeFileSync(logFile, "");
process.on("exit", () => {
  fs.rmSync(infoFile, { force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let stopping = false;
let ready = false;
let database: EmbeddedDatabase | null = null;
let realtime: LocalRealtime | undefined;
let control: ClusterControlServer | undefined;
const instances: { a?: NextInstance; b?: NextInstance } = {};
const closers: (() => Promise<void>)[] = [];

const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await control?.close();
  await Promise.all([...Object.values(instances).map((instance) => instance.stop()), realtime?.stop(), ...closers.map((close) => close().catch(() => {}))]);
  await database?.stop().catch(() => {});
  process.exit(code);
};
const fail = async (message: string) => {
  console.error(`✖ e2e cluster: ${message}`);
  await shutdown(1);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("uncaughtException", (error) => void fail(errorText(error)));
const unexpectedExit = (what: string) => (code: number | null) => {
  if (!stopping) void fail(`${what} exited unexpectedly (code ${code ?? "signal"})`);
};

try {
  const postgresOptions = { dataDir: path.join(dataDir, "postgres"), port: await findFreePort() };
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = (work: () => Promise<void>) => () => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  const stripe = await startStripeStandIn({ webhookUrl: `${instanceB}/api/webhooks/stripe` });
  const paypal = await startPaypalStandIn({ webhookUrl: `${instanceB}/api/webhooks/paypal` });
  const uploadthing = await startUploadThingStandIn();
  closers.push(() => stripe.close(), () => paypal.close(), () => uploadthing.close());
  // The control endpoint listens first (answering 503 on /ready) so the runner's wait has a port to poll.
  control = await serveClusterControl({
    port: controlPort,
    ready: () => ready,
    actions: {
      "database/stop": serialized(async () => {
        const running = database;
        database = null;
        await running?.stop();
      }),
      "database/start": serialized(async () => {
        database ??= await startEmbeddedPostgres(postgresOptions);
        await checkDatabaseReachable(database.urlFor("nano_problem"));
      }),
      "realtime/kill": () => realtime!.kill(),
      "realtime/start": () => realtime!.start(),
      "instance/b/kill": () => instances.b!.kill(),
      "instance/b/start": () => instances.b!.start(),
    },
    reads: {
      "stripe/deliveries": () => ({ webhookUrl: `${instanceB}/api/webhooks/stripe`, deliveries: stripe.deliveries }),
      "uploadthing/files": () => [...uploadthing.files.values()].map(({ key, customId, size, type, acl }) => ({ key, customId, size, type, acl })),
    },
  });

  database = await startEmbeddedPostgres(postgresOptions);
  await ensureDatabase(database.adminUrl, "nano_problem");
  const databaseUrl = database.urlFor("nano_problem");
  await migrateWithLock(databaseUrl);
  await prepareDemoData(databaseUrl, { seed: true, storageRoot: path.join(dataDir, "seed-uploads") });

  const shared: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT", "SMTP_URL", "UPLOADS_DIR"]) delete shared[name];
  Object.assign(shared, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: databaseUrl,
    MAILBOX_ENABLED: "1",
    // The upload drill kills B between storing a file and its row: B's sweep at restart must see that file as stray.
    STRAY_FILE_GRACE_SECONDS: "3",
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE: stripe.url,
    PAYPAL_CLIENT_ID: paypal.clientId,
    PAYPAL_CLIENT_SECRET: paypal.clientSecret,
    PAYPAL_WEBHOOK_ID: paypal.webhookId,
    PAYPAL_ENVIRONMENT: "sandbox",
    PAYPAL_API_BASE: paypal.url,
    // The uploadthing SDK reads its API and ingest addresses from these.
    UPLOADTHING_TOKEN: uploadthing.token,
    UPLOADTHING_API_URL: uploadthing.url,
    UPLOADTHING_INGEST_URL: uploadthing.url,
  });
  const realtimePort = await findFreePort();
  const appOrigins = [portA, portB].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  realtime = await startSwitchableRealtime({ port: realtimePort, appOrigins, env: shared, onUnexpectedExit: unexpectedExit("the real-time server") });
  Object.assign(shared, localRealtimeEnv(realtimePort));

  // No load balancer in front, so each names its own address; a disk of its own shows nothing is shared through it.
  const instanceEnv = (url: string, name: string): NodeJS.ProcessEnv => ({ ...shared, APP_URL: url, UPLOADS_DIR: path.join(dataDir, `instance-${name}`, "uploads") });
  await Promise.all([
    startNextInstance({ port: portA, env: instanceEnv(instanceA, "a"), logFile, onUnexpectedExit: unexpectedExit("instance A") }).then((started) => (instances.a = started)),
    startNextInstance({ port: portB, env: instanceEnv(instanceB, "b"), logFile, onUnexpectedExit: unexpectedExit("instance B") }).then((started) => (instances.b = started)),
  ]);

  fs.writeFileSync(infoFile, JSON.stringify({ instanceA, instanceB, databaseUrl, controlUrl: control.url, logFile }, null, 2));
  ready = true;
  console.log(`✓ e2e cluster: instance A ${instanceA}, instance B ${instanceB}, control ${control.url}`);
} catch (error) {
  await fail(errorText(error));
}
