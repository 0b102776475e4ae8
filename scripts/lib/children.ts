import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/**
 * Children stay in the supervisor's process group, so a signal to the group (Ctrl-C, a test
 * runner stopping its server) reaches them all; NANO_SUPERVISOR_PID lets them notice a
 * supervisor that was killed outright.
 */
export function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): ChildProcess {
  const childEnv = { ...env, NANO_SUPERVISOR_PID: String(process.pid) };
  if (!logFile) return spawn(command, args, { env: childEnv, stdio: "inherit" });
  // The output still reaches the terminal; a copy goes to logFile for tests that read the server's log.
  const child = spawn(command, args, { env: childEnv, stdio: ["inherit", "pipe", "pipe"] });
  const log = fs.createWriteStream(logFile, { flags: "a" });
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
  child.once("close", () => log.end());
  return child;
}

export async function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`process exited before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** The pids of every process below `pid`, from /proc (Linux); a process that is gone has none. */
function descendantsOf(pid: number): number[] {
  let direct: number[] = [];
  try {
    direct = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {}
  return direct.flatMap((child) => [child, ...descendantsOf(child)]);
}

/**
 * SIGKILL for a child and everything it started, as a crash would end them: tsx runs the script in
 * a grandchild, which would outlive its parent's SIGKILL and keep the port.
 */
export async function killProcessTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (const pid of [child.pid, ...descendantsOf(child.pid)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {}
  }
  await exited;
}
