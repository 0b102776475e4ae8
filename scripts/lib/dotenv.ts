import fs from "node:fs";

/** .env and .env.local, when present, fill only what the shell has not set. */
export function loadDotEnv(): void {
  for (const file of [".env.local", ".env"]) {
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}
