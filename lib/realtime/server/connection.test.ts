import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { connected, createClient, RawClient, sleep, startTestServer, APP, type TestServer } from "./test-helpers";
import type Pusher from "pusher-js";

let server: TestServer;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: ["http://localhost:3000"] });
});
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
afterAll(() => server.close());

async function raw(path?: string, headers?: Record<string, string>): Promise<RawClient> {
  const client = await RawClient.connect(server.wsUrl(path), headers);
  cleanups.push(() => client.close());
  return client;
}

function client(): Pusher {
  const pusher = createClient(server);
  cleanups.push(() => pusher.disconnect());
  return pusher;
}

/** Resolves with the HTTP status of a refused upgrade, or "open" if the socket opened. */
function upgradeOutcome(url: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", () => undefined);
  });
}

describe("connecting", () => {
  test("a pusher-js client connects and gets a socket id of the form digits.digits", async () => {
    const socketId = await connected(client());
    expect(socketId).toMatch(/^\d+\.\d+$/);
  });

  test("connection_established carries socket_id and activity_timeout as a JSON string", async () => {
    const socket = await raw();
    const frame = await socket.next("pusher:connection_established");
    expect(typeof frame.data).toBe("string");
    const data = JSON.parse(String(frame.data)) as { socket_id: string; activity_timeout: number };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(120);
  });

  test("every connection gets a distinct socket id", async () => {
    const ids = await Promise.all([raw(), raw(), raw()].map(async (socket) => (await socket).socketId()));
    expect(new Set(ids).size).toBe(3);
  });

  test("pusher:ping is answered with pusher:pong", async () => {
    const socket = await raw();
    await socket.socketId();
    socket.send({ event: "pusher:ping", data: {} });
    expect(await socket.next("pusher:pong")).toMatchObject({ event: "pusher:pong" });
  });

  test("an unknown app key gets pusher:error 4001 then a 4001 close", async () => {
    const socket = await raw("/app/nope?protocol=7");
    const error = await socket.next("pusher:error");
    expect(error.data).toMatchObject({ code: 4001 });
    expect((await socket.closed).code).toBe(4001);
  });

  test("pusher-js treats an unknown app key as refused: error 4001, then disconnected without retrying", async () => {
    const pusher = createClient(server, { key: "wrong-key" });
    cleanups.push(() => pusher.disconnect());
    const code = await new Promise<number | undefined>((resolve) =>
      pusher.connection.bind("error", (error: { error?: { data?: { code?: number } } }) => resolve(error.error?.data?.code)),
    );
    expect(code).toBe(4001);
    await sleep(50);
    expect(pusher.connection.state).toBe("disconnected");
  });

  test("a missing protocol version is refused with 4007", async () => {
    const socket = await raw(`/app/${APP.key}`);
    expect((await socket.next("pusher:error")).data).toMatchObject({ code: 4007 });
    expect((await socket.closed).code).toBe(4007);
  });

  test("protocol version 6 is refused with 4007", async () => {
    const socket = await raw(`/app/${APP.key}?protocol=6`);
    expect((await socket.closed).code).toBe(4007);
  });

  test("an upgrade on a path other than /app/{key} is answered 404", async () => {
    expect(await upgradeOutcome(server.wsUrl("/nope"), {})).toBe(404);
  });

  test("an app key with broken percent-encoding is answered 400 and the server keeps serving", async () => {
    expect(await upgradeOutcome(server.wsUrl("/app/%E0%A4%A?protocol=7"), {})).toBe(400);
    expect(await upgradeOutcome(server.wsUrl(), {})).toBe("open");
  });
});

describe("origin check", () => {
  test("a browser origin outside the allowed list is refused with HTTP 403 at the upgrade", async () => {
    expect(await upgradeOutcome(server.wsUrl(), { Origin: "https://evil.example" })).toBe(403);
  });

  test("an allowed browser origin connects", async () => {
    expect(await upgradeOutcome(server.wsUrl(), { Origin: "http://localhost:3000" })).toBe("open");
  });

  test("a client that sends no Origin header (Node) connects", async () => {
    expect(await upgradeOutcome(server.wsUrl(), {})).toBe("open");
  });
});

describe("health", () => {
  test("GET /health answers {ok:true} without a signature", async () => {
    const response = await fetch(server.httpUrl("/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("activity timeout", () => {
  test("an idle socket is pinged and closed with 4201 when it does not answer", async () => {
    const quick = await startTestServer({ activityTimeoutSeconds: 1, pongTimeoutMs: 300 });
    try {
      const socket = await RawClient.connect(quick.wsUrl());
      await socket.next("pusher:ping", () => true, 3000);
      const { code } = await socket.closed;
      expect(code).toBe(4201);
    } finally {
      await quick.close();
    }
  });

  test("an idle socket that answers the ping stays connected", async () => {
    const quick = await startTestServer({ activityTimeoutSeconds: 1, pongTimeoutMs: 300 });
    try {
      const socket = await RawClient.connect(quick.wsUrl());
      await socket.next("pusher:ping", () => true, 3000);
      socket.send({ event: "pusher:pong", data: {} });
      await sleep(700);
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      socket.close();
    } finally {
      await quick.close();
    }
  });
});

describe("graceful close", () => {
  test("close() tells every socket to reconnect (4200) and stops listening", async () => {
    const closing = await startTestServer();
    const sockets = await Promise.all([RawClient.connect(closing.wsUrl()), RawClient.connect(closing.wsUrl())]);
    await Promise.all(sockets.map((socket) => socket.socketId()));
    await closing.close();
    for (const socket of sockets) {
      expect((await socket.next("pusher:error")).data).toMatchObject({ code: 4200 });
      expect((await socket.closed).code).toBe(4200);
    }
    await expect(fetch(closing.httpUrl("/health"))).rejects.toThrow();
  });

  test("pusher-js treats the shutdown as a reason to reconnect, not a failure", async () => {
    const closing = await startTestServer();
    const pusher = createClient(closing);
    await connected(pusher);
    const states: string[] = [];
    pusher.connection.bind("state_change", ({ current }: { current: string }) => states.push(current));
    await closing.close();
    await sleep(100);
    pusher.disconnect();
    expect(states[0]).toBe("connecting");
    expect(states).not.toContain("failed");
  });

  test("close() can be called twice", async () => {
    const closing = await startTestServer();
    await Promise.all([closing.close(), closing.close()]);
  });
});
