import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Who a process runs as, for permission checks on paths it did not create. */
export type SystemUser = { uid: number; gids: number[] };

/**
 * The `postgres` system user that embedded PostgreSQL switches to when started as root. A user it
 * has still to create owns nothing and belongs to no existing group, hence the placeholder.
 */
export function postgresSystemUser(): SystemUser {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gids = execFileSync("id", ["-G", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split(/\s+/).map(Number);
    return { uid, gids };
  } catch {
    return { uid: -1, gids: [] };
  }
}

/** Whether `user` may enter `dir` and every directory above it (mode bits; ACLs are not read). */
export function canEnter(dir: string, user: SystemUser): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const stat = fs.statSync(current);
    const bit = stat.uid === user.uid ? 0o100 : user.gids.includes(stat.gid) ? 0o010 : 0o001;
    if (!stat.isDirectory() || (stat.mode & bit) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

type PlaceOptions = { isRoot: boolean; user: SystemUser; fallbackRoot?: string };

/**
 * Started as root, PostgreSQL runs as the `postgres` user, who often cannot enter the project (a
 * clone in /root, mode 700). Its cluster then lives under /var/tmp, one directory per data
 * directory asked for, so restarts find it again.
 */
export function placeDataDir(requested: string, options: PlaceOptions): string {
  const dataDir = path.resolve(requested);
  if (!options.isRoot) return dataDir;
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (canEnter(parent, options.user)) return dataDir;
  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const home = path.join(options.fallbackRoot ?? "/var/tmp", `nano-problem-${hash}`);
  fs.mkdirSync(home, { recursive: true });
  // A umask of 077 would otherwise shut the postgres user out again.
  fs.chmodSync(home, 0o755);
  return path.join(home, path.basename(dataDir));
}
