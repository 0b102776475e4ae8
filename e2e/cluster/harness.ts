import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { z } from "zod";
import { DEMO_PASSWORD, signIn } from "../helpers";

/**
 * What the cluster harness (scripts/e2e-cluster-server.ts) started, from
 * .test-results/e2e-cluster.json: two instances of the app, the database they share, and the
 * control endpoint that switches parts off and on. Read lazily: spec files are loaded to list
 * their tests before the harness is up.
 */
const infoSchema = z.object({
  instanceA: z.url(),
  instanceB: z.url(),
  databaseUrl: z.string().min(1),
  controlUrl: z.url(),
  logFile: z.string().min(1),
});
export type ClusterInfo = z.infer<typeof infoSchema>;

let cached: ClusterInfo | undefined;

export function clusterInfo(): ClusterInfo {
  if (cached) return cached;
  const file = path.resolve(".test-results/e2e-cluster.json");
  const info = infoSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  // A file left by a killed run names another harness: only the one this config started counts.
  const expectedPort = process.env.E2E_CLUSTER_CONTROL_PORT;
  if (expectedPort && new URL(info.controlUrl).port !== expectedPort) throw new Error(`${file} names another run's harness (control port ${new URL(info.controlUrl).port}, expected ${expectedPort})`);
  cached = info;
  return info;
}

export const instanceA = () => clusterInfo().instanceA;
export const instanceB = () => clusterInfo().instanceB;
export const databaseUrl = () => clusterInfo().databaseUrl;

export type ControlAction = "database/stop" | "database/start" | "realtime/kill" | "realtime/start" | "instance/b/kill" | "instance/b/start";

/** Resolves once the harness has made the change (a start: once the part serves again). */
export async function control(action: ControlAction): Promise<void> {
  const response = await fetch(`${clusterInfo().controlUrl}/${action}`, { method: "POST" });
  if (!response.ok) throw new Error(`cluster control ${action} failed: ${response.status} ${await response.text()}`);
}

export type StripeDeliveries = { webhookUrl: string; deliveries: { eventId: string; status: number }[] };
export type StoredUploads = { key: string; customId: string | null; size: number; type: string; acl: string }[];

/** What the stand-ins recorded: Stripe's webhook deliveries (with the app's answer) and UploadThing's files. */
export async function standInRecord(name: "stripe/deliveries"): Promise<StripeDeliveries>;
export async function standInRecord(name: "uploadthing/files"): Promise<StoredUploads>;
export async function standInRecord(name: "stripe/deliveries" | "uploadthing/files"): Promise<unknown> {
  const response = await fetch(`${clusterInfo().controlUrl}/${name}`);
  if (!response.ok) throw new Error(`cluster control GET ${name} failed: ${response.status}`);
  return response.json();
}

/**
 * A browser context whose relative URLs go to `origin`. Both instances are on localhost, and
 * cookies ignore the port, so a person signed in through one is signed in on the other too, as
 * behind a load balancer.
 */
export function contextOn(browser: Browser, origin: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL: origin, viewport });
}

/** A page in a context of its own on `origin`, signed in as `email` and landed on `home`. */
export async function signedInOn(browser: Browser, origin: string, email: string, home: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await contextOn(browser, origin)).newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`^${origin}${home}$`), { timeout: 60_000 });
  return page;
}
