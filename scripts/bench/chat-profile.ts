import fs from "node:fs";
import path from "node:path";

/**
 * `--profile` of scripts/bench/chat.ts: Next runs under `--cpu-prof`, and its profile is summed up
 * here as self time per package (or per source file of the app) and the busiest functions, so a
 * slow send points at what to look at first.
 */
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

function owner(url: string): string {
  if (!url) return "(native / idle / GC)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's own server code vs what it compiled from the app (.next/server/chunks).
    return name;
  }
  if (url.includes("/.next/")) return `app code (${url.replace(/^.*\/\.next\//, ".next/").replace(/\/[^/]*$/, "/…")})`;
  if (url.startsWith("node:")) return "node core";
  return url.replace(/^file:\/\//, "");
}

export function summarizeProfiles(dir: string, top = 20): string {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith(".cpuprofile")) : [];
  if (files.length === 0) return `no profile in ${dir}`;
  // The largest profile is Next's server (the others are short-lived helpers).
  const file = files.map((name) => path.join(dir, name)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    total += ms;
    const group = functionName === "(garbage collector)" ? "(garbage collector)" : owner(url);
    byOwner.set(group, (byOwner.get(group) ?? 0) + ms);
    const key = `${functionName || "(anonymous)"} ${url ? `${owner(url)}:${lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [`Next CPU profile (${file}): ${(total / 1000).toFixed(1)} s busy`, "by package:", ...rows(byOwner), "busiest functions (self time):", ...rows(byFunction)].join("\n");
}
