// Runs the realtime conformance suite without the repo-wide database setup:
//   npx vitest run --config lib/realtime/server/vitest.standalone.mts
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("../../../", import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL("../../../", import.meta.url)),
    include: ["lib/realtime/server/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
