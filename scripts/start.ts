import { parseServerEnv } from "@/lib/env";
import { loadDotEnv } from "./lib/dotenv";
import { errorText, failStart } from "./lib/fail";
import { runApp } from "./lib/run-app";

// `npm start`: production. Nothing embedded, nothing seeded; a bad environment is named.
loadDotEnv();
try {
  parseServerEnv({ ...process.env, NODE_ENV: "production" });
} catch (error) {
  failStart(errorText(error));
}

await runApp({
  nextCommand: "start",
  port: Number(process.env.PORT ?? 3000),
  env: { ...process.env, NODE_ENV: "production" },
  seed: false,
});
