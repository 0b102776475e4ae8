import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // Two instances need their own harness: playwright.cluster.config.ts (a project's own testIgnore replaces this one).
  testIgnore: ["cluster/**"],
  fullyParallel: false,
  workers: 2,
  // Journeys span several browser contexts and servers on a 2-core machine, beside another worker.
  // Generous on purpose: a slow machine should make the run slower, not red; a hang still fails.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  // One more try for a journey that fails: a clean clone on a busy CI machine has failed a journey
  // that passes here. A journey that passes only on its retry is reported as flaky, by name, at the
  // end of `npm test` (scripts/test.ts), to be fixed rather than ignored; one that fails twice fails.
  retries: 1,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".test-results/playwright.json" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  // The fuzz suite compares the whole database and the server's log around each route, so no other
  // spec may run beside it: it runs first, alone. The outage journey stops the real-time server
  // everyone shares, so it runs last, alone. An announcement to every student rings every student
  // other journeys made (and would break their "nothing else arrived" checks), so it runs alone too,
  // between them. Each stage needs the one before it to pass (a stage that
  // did not run counts as failed in `npm test`); run any spec by itself with `--no-deps`.
  projects: [
    { name: "fuzz", testMatch: /fuzz\.spec\.ts$/ },
    { name: "journeys", testIgnore: ["cluster/**", /fuzz\.spec\.ts$/, /outage\.spec\.ts$/, /announcements\.spec\.ts$/], dependencies: ["fuzz"] },
    { name: "broadcast", testMatch: /announcements\.spec\.ts$/, dependencies: ["journeys"] },
    { name: "outage", testMatch: /outage\.spec\.ts$/, dependencies: ["broadcast"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
