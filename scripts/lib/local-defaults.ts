import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export const DATA_DIR = path.resolve(".data");

/** A development secret kept in .data so sessions survive restarts; production must set AUTH_SECRET. */
export function localAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function startLocalDatabase(port: number): Promise<{ database: EmbeddedDatabase; url: string }> {
  const database = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port });
  try {
    await ensureDatabase(database.adminUrl, "nano_problem");
  } catch (error) {
    await database.stop();
    throw error;
  }
  return { database, url: database.urlFor("nano_problem") };
}
