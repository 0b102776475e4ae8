import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { killProcessTree, stopChild } from "./children";
import { startLocalRealtime } from "./realtime-child";

type Options = Parameters<typeof startLocalRealtime>[0] & {
  /** The server died on its own (not through stop()): the supervisor brings everything down. */
  onUnexpectedExit: (code: number | null) => void;
};

export type LocalRealtime = {
  /** Ends the server and with it every WebSocket (close code 4200, as a restart would send). */
  stop(): Promise<void>;
  /** Ends the server as a crash would (SIGKILL): no close frames, the sockets just drop. */
  kill(): Promise<void>;
  /** Listens again on the same port; pusher-js clients reconnect and resubscribe by themselves. */
  start(): Promise<void>;
  running(): boolean;
};

/** The local real-time server as a child that the e2e harness may stop and start again mid-run. */
export async function startSwitchableRealtime(options: Options): Promise<LocalRealtime> {
  let child: ChildProcess | null = null;
  const launch = async () => {
    const started = await startLocalRealtime(options);
    started.once("exit", (code) => {
      // Only a death nobody asked for is a failure; stop() clears `child` before signalling.
      if (child === started) {
        child = null;
        options.onUnexpectedExit(code);
      }
    });
    child = started;
  };
  await launch();
  // One change at a time: a start racing a stop would leave the port in either state.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  return {
    stop: () =>
      serialized(async () => {
        const current = child;
        if (!current) return;
        child = null;
        await stopChild(current);
      }),
    kill: () =>
      serialized(async () => {
        const current = child;
        if (!current) return;
        child = null;
        await killProcessTree(current);
      }),
    start: () => serialized(async () => (child ? undefined : launch())),
    running: () => child !== null,
  };
}

export type RealtimeControlServer = { url: string; close(): Promise<void> };

/**
 * A tiny HTTP endpoint on loopback for journeys to switch the real-time server: POST /stop,
 * POST /start, GET / for `{ running }`. Each answers once the change is done.
 */
export async function serveRealtimeControl(realtime: LocalRealtime): Promise<RealtimeControlServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const change =
      request.method === "POST" && url.pathname === "/stop"
        ? () => realtime.stop()
        : request.method === "POST" && url.pathname === "/start"
          ? () => realtime.start()
          : null;
    if (request.method === "GET" && url.pathname === "/") return reply(200, { running: realtime.running() });
    if (!change) return reply(404, { error: "POST /stop, POST /start or GET /" });
    change().then(
      () => reply(200, { running: realtime.running() }),
      (error: unknown) => reply(500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
