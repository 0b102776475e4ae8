import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { killProcessTree, spawnChild, stopChild, waitForHttp } from "./children";
import { isPortFree } from "./ports";

type Options = {
  port: number;
  env: NodeJS.ProcessEnv;
  logFile?: string;
  /** The process died on its own (not through kill() or stop()): the supervisor brings everything down. */
  onUnexpectedExit: (code: number | null) => void;
};

export type NextInstance = {
  url: string;
  /** Ends the process as a crash would (SIGKILL). */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves once it serves pages. */
  start(): Promise<void>;
  stop(): Promise<void>;
  running(): boolean;
};

const nextBin = () => path.resolve("node_modules/next/dist/bin/next");

/** One `next start` of the production build that the cluster harness may kill and start again mid-run. */
export async function startNextInstance(options: Options): Promise<NextInstance> {
  const url = `http://localhost:${options.port}`;
  let child: ChildProcess | null = null;
  const launch = async () => {
    // A killed process's port is released by the kernel, but a start right after may still see it bound.
    for (let tries = 0; !(await isPortFree(options.port, "0.0.0.0")); tries++) {
      if (tries > 50) throw new Error(`port ${options.port} is still in use`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const started = spawnChild(process.execPath, [nextBin(), "start", "-p", String(options.port)], { ...options.env, PORT: String(options.port) }, options.logFile);
    started.once("exit", (code) => {
      // Only a death nobody asked for is a failure; kill() and stop() clear `child` first.
      if (child === started) {
        child = null;
        options.onUnexpectedExit(code);
      }
    });
    child = started;
    try {
      await waitForHttp(`${url}/login`, 180_000, started);
    } catch (error) {
      child = null;
      await stopChild(started);
      throw error;
    }
  };
  // One change at a time: a start racing a kill would leave the port in either state.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  const end = (how: (child: ChildProcess) => Promise<void>) =>
    serialized(async () => {
      const current = child;
      if (!current) return;
      child = null;
      await how(current);
    });
  await serialized(launch);
  return {
    url,
    kill: () => end(killProcessTree),
    stop: () => end((current) => stopChild(current)),
    start: () => serialized(async () => (child ? undefined : launch())),
    running: () => child !== null,
  };
}
