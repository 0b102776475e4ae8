import PusherServer from "pusher";
import Pusher from "pusher-js";
import { afterAll, expect, it } from "vitest";
import { LOCAL_REALTIME } from "@/lib/realtime/config";
import { findFreePort } from "./ports";
import { serveRealtimeControl, startSwitchableRealtime, type LocalRealtime, type RealtimeControlServer } from "./realtime-control";

let realtime: LocalRealtime | undefined;
let control: RealtimeControlServer | undefined;
let client: Pusher | undefined;

afterAll(async () => {
  client?.disconnect();
  await control?.close();
  await realtime?.stop();
});

function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`not within ${timeoutMs} ms`));
      setTimeout(check, 20);
    };
    check();
  });
}

it("stops the real-time server, dropping its clients, and starts it on the same port, where pusher-js reconnects by itself", async () => {
  const port = await findFreePort();
  const unexpected: Array<number | null> = [];
  realtime = await startSwitchableRealtime({ port, appOrigins: [], env: { ...process.env, REALTIME_LOG_LEVEL: "silent" }, onUnexpectedExit: (code) => unexpected.push(code) });
  control = await serveRealtimeControl(realtime);
  const post = async (action: string) => (await fetch(`${control!.url}/${action}`, { method: "POST" })).json() as Promise<{ running: boolean }>;

  client = new Pusher(LOCAL_REALTIME.key, { cluster: "local", wsHost: "127.0.0.1", wsPort: port, forceTLS: false, enabledTransports: ["ws"], disableStats: true });
  const states: string[] = [];
  client.connection.bind("state_change", ({ current }: { current: string }) => states.push(current));
  const received: number[] = [];
  const channel = client.subscribe("control-test");
  channel.bind("tick", (data: { n: number }) => received.push(data.n));
  await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
  const publisher = new PusherServer({ appId: LOCAL_REALTIME.appId, key: LOCAL_REALTIME.key, secret: LOCAL_REALTIME.secret, host: "127.0.0.1", port: String(port), useTLS: false });
  await publisher.trigger("control-test", "tick", { n: 1 });
  await waitFor(() => received.includes(1), 5_000);

  expect(await post("stop")).toEqual({ running: false });
  await waitFor(() => client!.connection.state !== "connected", 5_000);
  expect(states).toContain("connecting");
  await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  await expect(publisher.trigger("control-test", "tick", { n: 2 })).rejects.toThrow();

  expect(await post("start")).toEqual({ running: true });
  // pusher-js retries on its own schedule (several seconds once it has given up on a first attempt).
  await waitFor(() => client!.connection.state === "connected", 30_000);
  await waitFor(() => (channel as unknown as { subscribed: boolean }).subscribed, 5_000);
  await publisher.trigger("control-test", "tick", { n: 3 });
  await waitFor(() => received.includes(3), 5_000);
  expect(received).toEqual([1, 3]);

  // Stopping twice or starting a running server changes nothing; only unplanned exits are reported.
  expect(await (await fetch(`${control.url}/`)).json()).toEqual({ running: true });
  expect(await post("start")).toEqual({ running: true });
  expect((await fetch(`${control.url}/nope`, { method: "POST" })).status).toBe(404);
  expect(unexpected).toEqual([]);
}, 60_000);
