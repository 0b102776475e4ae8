import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

// Set here so workers inherit them: e2e/cluster/harness.ts checks the harness it reads is this run's.
process.env.E2E_CLUSTER_PORT ??= "3200";
process.env.E2E_CLUSTER_PORT_B ??= String(Number(process.env.E2E_CLUSTER_PORT) + 1);
process.env.E2E_CLUSTER_CONTROL_PORT ??= String(Number(process.env.E2E_CLUSTER_PORT) + 2);

/**
 * Two instances of the app against one PostgreSQL and one real-time server
 * (scripts/e2e-cluster-server.ts). One worker: drills stop parts every journey shares.
 */
export default defineConfig({
  testDir: "e2e/cluster",
  fullyParallel: false,
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".test-results/playwright-cluster.json" }]],
  outputDir: "test-results/cluster",
  use: {
    baseURL: `http://localhost:${process.env.E2E_CLUSTER_PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: "npx tsx scripts/e2e-cluster-server.ts",
    // 200 only once PostgreSQL, the real-time server and both instances are up.
    url: `http://127.0.0.1:${process.env.E2E_CLUSTER_CONTROL_PORT}/ready`,
    timeout: 300_000,
    reuseExistingServer: false,
    // The harness stops both instances, the real-time server and PostgreSQL, and removes its data.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
