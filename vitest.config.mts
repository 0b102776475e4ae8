import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "widget/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: [],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Most files
    // wait on PostgreSQL (its own process), so two workers finish the suite in about two thirds of the time.
    maxWorkers: 2,
    // serverEnv() validates the whole environment whenever a service builds an email link (APP_URL) or
    // signs an unsubscribe token (AUTH_SECRET). Each test file opens its own database (test/db.ts):
    // this DATABASE_URL only satisfies the check and is never connected to.
    env: {
      LOG_LEVEL: "silent",
      APP_URL: "https://portal.example.test",
      AUTH_SECRET: "vitest-only-secret-of-at-least-32-characters",
      DATABASE_URL: "postgres://vitest.invalid/unused",
    },
  },
});
