// Exercises scripts/realtime-server.ts as a real process: env handling, refusals and signal shutdown.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { RawClient } from "./test-helpers";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const started: ChildProcess[] = [];

// A failed assertion must not leave a server process behind.
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/realtime-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", REALTIME_LOG_LEVEL: "silent", PUSHER_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function listeningUrl(proc: Run): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const match = /realtime server listening on (ws:\/\/\S+)/.exec(proc.stdout());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no listening line; stderr: ${proc.stderr()}`);
}

describe("scripts/realtime-server.ts", () => {
  test("prints one listening line and stops on SIGTERM with 4200 to clients and exit 0", async () => {
    const server = run({ PUSHER_KEY: "script-key" });
    const url = await listeningUrl(server);
    expect(server.stdout().trim().split("\n")).toEqual([`realtime server listening on ${url}`]);
    const socket = await RawClient.connect(`${url}/app/script-key?protocol=7`);
    await socket.socketId();
    server.child.kill("SIGTERM");
    expect((await socket.closed).code).toBe(4200);
    expect(await server.exited).toBe(0);
  });

  test("refuses to start with NODE_ENV=production", async () => {
    const server = run({ NODE_ENV: "production" });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toMatch(/NODE_ENV=production/);
  });

  test("a port in use is reported in one line with exit 1", async () => {
    const first = run({});
    const port = new URL(await listeningUrl(first)).port;
    const second = run({ PUSHER_PORT: port });
    expect(await second.exited).toBe(1);
    expect(second.stderr().trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`port ${port} .*already in use`))]);
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
  });
});
