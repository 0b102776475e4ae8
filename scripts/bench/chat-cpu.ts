import fs from "node:fs";

/**
 * Where the cores went during a phase of scripts/bench/chat.ts (Linux /proc): CPU seconds of this
 * process (the clients), and of the app child's tree by kind (Next, PostgreSQL, the real-time
 * server), beside the whole machine's busy time (other work on it shows as "elsewhere").
 */
type Sample = { byKind: Map<string, number>; machineBusy: number; at: number };

const TICKS_PER_SECOND = 100;

function readStat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function kindOf(pid: number): string {
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {}
  if (/postgres/.test(command)) return "PostgreSQL";
  if (/realtime-server/.test(command)) return "real-time server";
  if (/next-server|next\/dist|next start/.test(command)) return "Next";
  return "harness";
}

export function cpuSample(appRootPid: number | undefined): Sample | null {
  if (!fs.existsSync("/proc/stat")) return null;
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const byKind = new Map<string, number>([["bench clients", stats.get(process.pid)?.cpu ?? 0]]);
  if (appRootPid) {
    const inTree = (pid: number): boolean => {
      for (let current = pid, hops = 0; current > 1 && hops < 20; hops++) {
        if (current === appRootPid) return true;
        current = stats.get(current)?.ppid ?? 0;
      }
      return false;
    };
    for (const [pid, stat] of stats) {
      if (!inTree(pid)) continue;
      const kind = kindOf(pid);
      byKind.set(kind, (byKind.get(kind) ?? 0) + stat.cpu);
    }
  }
  const cpuLine = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const busy = cpuLine.reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + value), 0) / TICKS_PER_SECOND;
  return { byKind, machineBusy: busy, at: performance.now() };
}

/** "Next 18.2 s, PostgreSQL 9.1 s, … of 40 core-seconds (20 s × 2 cores)". */
export function describeCpu(before: Sample | null, after: Sample | null, cores: number): string {
  if (!before || !after) return "CPU: not measured (no /proc)";
  const seconds = (after.at - before.at) / 1000;
  const parts: string[] = [];
  let ours = 0;
  for (const [kind, value] of after.byKind) {
    const used = value - (before.byKind.get(kind) ?? 0);
    // Processes that ended during the phase take their time with them; a negative share means that.
    if (used <= 0.05) continue;
    ours += used;
    parts.push(`${kind} ${used.toFixed(1)} s`);
  }
  const elsewhere = Math.max(0, after.machineBusy - before.machineBusy - ours);
  parts.push(`elsewhere on the machine ${elsewhere.toFixed(1)} s`);
  return `CPU: ${parts.join(", ")} of ${(seconds * cores).toFixed(0)} core-seconds (${seconds.toFixed(0)} s × ${cores} cores)`;
}
