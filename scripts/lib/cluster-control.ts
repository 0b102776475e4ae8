import { createServer } from "node:http";

export type ClusterControlServer = { url: string; close(): Promise<void> };

type Options = {
  port: number;
  /** `POST /<name>`: answered 200 `{ ok: true }` once the change is done. */
  actions: Record<string, () => Promise<void>>;
  /** `GET /<name>`: what the stand-ins recorded, for journeys to check. */
  reads: Record<string, () => unknown>;
  /** Whether everything is up: `GET /ready` answers 200 then, 503 before (the test runner waits on it). */
  ready: () => boolean;
};

/**
 * The cluster harness's switchboard on loopback: fault drills stop and start the database, the
 * real-time server and instance B through it (e2e/cluster/harness.ts). Nothing here is public.
 */
export async function serveClusterControl(options: Options): Promise<ClusterControlServer> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/+/, "");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && name === "ready") return reply(options.ready() ? 200 : 503, { ready: options.ready() });
    if (!options.ready()) return reply(503, { error: "the cluster is still starting" });
    const read = request.method === "GET" ? options.reads[name] : undefined;
    if (read) return reply(200, read());
    const action = request.method === "POST" ? options.actions[name] : undefined;
    if (!action) return reply(404, { error: `POST one of ${Object.keys(options.actions).join(", ")}; GET ready, ${Object.keys(options.reads).join(", ")}` });
    action().then(
      () => reply(200, { ok: true }),
      (error: unknown) => reply(500, { ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
