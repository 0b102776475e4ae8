import type PusherServer from "pusher";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { LIMITS } from "./config";
import {
  APP,
  connected,
  createClient,
  nextEvent,
  RawClient,
  signedFetch,
  sleep,
  startTestServer,
  subscribed,
  type TestServer,
} from "./test-helpers";

let server: TestServer;
let sdk: PusherServer;
const cleanups: Array<() => void> = [];
const EVENTS = `/apps/${APP.appId}/events`;
const BATCH = `/apps/${APP.appId}/batch_events`;

beforeAll(async () => {
  server = await startTestServer();
  sdk = server.sdk();
});
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
afterAll(() => server.close());

async function listener(...channels: string[]): Promise<RawClient> {
  const socket = await RawClient.connect(server.wsUrl());
  cleanups.push(() => socket.close());
  for (const channel of channels) await socket.subscribe(channel);
  return socket;
}

/** Asserts that nothing but our own traffic reached the socket after `mark`. */
async function expectNothingDelivered(socket: RawClient, mark: number): Promise<void> {
  await sleep(100);
  expect(socket.framesSince(mark)).toEqual([]);
}

function statusOf(promise: Promise<unknown>): Promise<number> {
  return promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? -1,
  );
}

describe("triggering events", () => {
  test("an event triggered with the SDK reaches pusher-js subscribers with its data decoded", async () => {
    const client = createClient(server);
    cleanups.push(() => client.disconnect());
    await connected(client);
    const channel = await subscribed(client, "orders");
    const received = nextEvent(channel, "created");
    const response = await sdk.trigger("orders", "created", { id: 7, tags: ["a"] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await received).toEqual({ id: 7, tags: ["a"] });
  });

  test("the wire frame carries data as a JSON string", async () => {
    const socket = await listener("wire");
    await sdk.trigger("wire", "e", { a: 1 });
    expect(await socket.next("e")).toEqual({ event: "e", channel: "wire", data: '{"a":1}' });
  });

  test("an event sent to several channels reaches each of them", async () => {
    const one = await listener("multi-1");
    const two = await listener("multi-2");
    await sdk.trigger(["multi-1", "multi-2"], "hello", "text");
    expect((await one.next("hello")).channel).toBe("multi-1");
    expect((await two.next("hello")).channel).toBe("multi-2");
  });

  test("the socket named by socket_id is excluded from delivery", async () => {
    const excluded = await listener("excl");
    const included = await listener("excl");
    const mark = excluded.frames.length;
    await sdk.trigger("excl", "ping", {}, { socket_id: await excluded.socketId() });
    await included.next("ping");
    await expectNothingDelivered(excluded, mark);
  });

  test("triggerBatch delivers every event, honouring socket_id per event", async () => {
    const a = await listener("batch-a", "batch-b");
    const b = await listener("batch-a");
    await sdk.triggerBatch([
      { channel: "batch-a", name: "one", data: { n: 1 } },
      { channel: "batch-b", name: "two", data: { n: 2 } },
      { channel: "batch-a", name: "three", data: {}, socket_id: await a.socketId() },
    ]);
    await a.next("one");
    await a.next("two");
    await b.next("three");
    await sleep(50);
    expect(a.frames.some((frame) => frame.event === "three")).toBe(false);
  });

  test("data of exactly the limit is accepted", async () => {
    expect((await sdk.trigger("big", "e", "x".repeat(LIMITS.maxEventDataBytes))).status).toBe(200);
  });

  test("info=subscription_count returns channel attributes", async () => {
    await listener("counted");
    const response = await sdk.trigger("counted", "e", {}, { info: "subscription_count" });
    expect(await response.json()).toEqual({ channels: { counted: { subscription_count: 1 } } });
  });
});

describe("signature failures deliver nothing", () => {
  const body = JSON.stringify({ name: "sneaky", data: "{}", channels: ["guarded"] });

  test("a valid hand-signed request is accepted (control)", async () => {
    const socket = await listener("guarded");
    expect((await signedFetch(server, "POST", EVENTS, { body })).status).toBe(200);
    await socket.next("sneaky");
  });

  test.each([
    ["a bad signature", { tamper: (q: URLSearchParams) => q.set("auth_signature", "0".repeat(64)) }],
    // Far outside the 600 s window: these values are computed when the file is collected, not when the test runs.
    ["a stale timestamp", { timestampSeconds: Math.floor(Date.now() / 1000) - 3600 }],
    ["a timestamp from the future", { timestampSeconds: Math.floor(Date.now() / 1000) + 3600 }],
    ["a wrong body md5", { sentBody: body.replace("sneaky", "sneakz") }],
    ["an unknown auth_key", { tamper: (q: URLSearchParams) => q.set("auth_key", "someone-else") }],
    ["a wrong auth_version", { tamper: (q: URLSearchParams) => q.set("auth_version", "2.0") }],
    ["no signature at all", { tamper: (q: URLSearchParams) => q.delete("auth_signature") }],
    ["an added parameter", { tamper: (q: URLSearchParams) => q.set("extra", "1") }],
  ])("%s is answered 401", async (_name, options) => {
    const socket = await listener("guarded");
    const mark = socket.frames.length;
    const response = await signedFetch(server, "POST", EVENTS, { body, ...options });
    expect(response.status).toBe(401);
    expect(response.text.length).toBeGreaterThan(0);
    await expectNothingDelivered(socket, mark);
  });

  test("a request signed with another secret is answered 401 through the SDK", async () => {
    const { default: Sdk } = await import("pusher");
    const impostor = new Sdk({ ...APP, secret: "wrong", host: server.host, port: String(server.port), useTLS: false });
    expect(await statusOf(impostor.trigger("guarded", "e", {}))).toBe(401);
  });

  test("an unknown app id is answered 404", async () => {
    const response = await signedFetch(server, "POST", "/apps/other-app/events", { body });
    expect(response.status).toBe(404);
  });

  test("a signed GET is verified too", async () => {
    const response = await signedFetch(server, "GET", `/apps/${APP.appId}/channels`, {
      tamper: (q) => q.set("filter_by_prefix", "presence-"),
    });
    expect(response.status).toBe(401);
  });
});

describe("limits", () => {
  test(`more than ${LIMITS.maxChannelsPerEvent} channels per event is answered 400 and delivers nothing`, async () => {
    const socket = await listener("c0");
    const mark = socket.frames.length;
    const channels = Array.from({ length: LIMITS.maxChannelsPerEvent + 1 }, (_, i) => `c${i}`);
    const response = await signedFetch(server, "POST", EVENTS, { body: JSON.stringify({ name: "e", data: "{}", channels }) });
    expect(response.status).toBe(400);
    await expectNothingDelivered(socket, mark);
  });

  test(`exactly ${LIMITS.maxChannelsPerEvent} channels is accepted`, async () => {
    const channels = Array.from({ length: LIMITS.maxChannelsPerEvent }, (_, i) => `c${i}`);
    expect((await sdk.trigger(channels, "e", {})).status).toBe(200);
  });

  test(`data above ${LIMITS.maxEventDataBytes} bytes is answered 413 and delivers nothing`, async () => {
    const socket = await listener("big");
    const mark = socket.frames.length;
    expect(await statusOf(sdk.trigger("big", "e", "x".repeat(LIMITS.maxEventDataBytes + 1)))).toBe(413);
    await expectNothingDelivered(socket, mark);
  });

  test(`a batch of more than ${LIMITS.maxBatchSize} events is answered 400 and delivers none of them`, async () => {
    const socket = await listener("batched");
    const mark = socket.frames.length;
    const batch = Array.from({ length: LIMITS.maxBatchSize + 1 }, () => ({ channel: "batched", name: "e", data: "{}" }));
    expect(await statusOf(sdk.triggerBatch(batch))).toBe(400);
    await expectNothingDelivered(socket, mark);
  });

  test("a batch with one invalid event delivers none of them", async () => {
    const socket = await listener("atomic");
    const mark = socket.frames.length;
    const batch = [
      { channel: "atomic", name: "ok", data: "{}" },
      { channel: "atomic", name: "too-big", data: "x".repeat(LIMITS.maxEventDataBytes + 1) },
    ];
    expect(await statusOf(sdk.triggerBatch(batch))).toBe(413);
    await expectNothingDelivered(socket, mark);
  });

  test.each([
    ["an invalid channel name", { name: "e", data: "{}", channels: ["no spaces"] }],
    ["a channel name over 200 characters", { name: "e", data: "{}", channels: ["a".repeat(201)] }],
    ["no channel", { name: "e", data: "{}" }],
    ["data that is not a string", { name: "e", data: { a: 1 }, channels: ["a"] }],
    ["a missing event name", { data: "{}", channels: ["a"] }],
    ["a malformed socket_id", { name: "e", data: "{}", channels: ["a"], socket_id: "abc" }],
  ])("%s is answered 400", async (_name, payload) => {
    expect((await signedFetch(server, "POST", EVENTS, { body: JSON.stringify(payload) })).status).toBe(400);
  });

  test("a body that is not JSON is answered 400", async () => {
    expect((await signedFetch(server, "POST", EVENTS, { body: "{nope" })).status).toBe(400);
  });

  test(`a body above ${LIMITS.maxHttpBodyBytes} bytes is answered 413`, async () => {
    const body = JSON.stringify({ name: "e", data: "x".repeat(LIMITS.maxHttpBodyBytes), channels: ["a"] });
    expect((await signedFetch(server, "POST", EVENTS, { body })).status).toBe(413);
  });

  test("a batch body without a batch array is answered 400", async () => {
    expect((await signedFetch(server, "POST", BATCH, { body: "{}" })).status).toBe(400);
  });
});

describe("channel queries", () => {
  async function getJson(path: string, params?: Record<string, string>): Promise<unknown> {
    return (await sdk.get({ path, params })).json();
  }

  test("/channels lists occupied channels, filtered by prefix", async () => {
    await listener("q-one", "q-two", "other");
    expect(await getJson("/channels", { filter_by_prefix: "q-" })).toEqual({ channels: { "q-one": {}, "q-two": {} } });
  });

  test("/channels with info=user_count reports presence user counts", async () => {
    const socket = await RawClient.connect(server.wsUrl());
    cleanups.push(() => socket.close());
    await socket.subscribe("presence-q", JSON.stringify({ user_id: "u1" }));
    expect(await getJson("/channels", { filter_by_prefix: "presence-q", info: "user_count" })).toEqual({
      channels: { "presence-q": { user_count: 1 } },
    });
  });

  test("/channels with info=user_count but no presence- prefix is answered 400", async () => {
    expect(await statusOf(sdk.get({ path: "/channels", params: { info: "user_count" } }))).toBe(400);
  });

  test("/channels/{name} reports occupied and subscription_count", async () => {
    await listener("info-chan");
    await listener("info-chan");
    expect(await getJson("/channels/info-chan")).toEqual({ occupied: true, subscription_count: 2 });
    expect(await getJson("/channels/empty-chan")).toEqual({ occupied: false, subscription_count: 0 });
  });

  test("/channels/{presence} also reports user_count", async () => {
    const socket = await RawClient.connect(server.wsUrl());
    cleanups.push(() => socket.close());
    await socket.subscribe("presence-info", JSON.stringify({ user_id: "u1" }));
    expect(await getJson("/channels/presence-info", { info: "user_count" })).toEqual({
      occupied: true,
      subscription_count: 1,
      user_count: 1,
    });
  });

  test("/channels/{name}/users on a non-presence channel is answered 400", async () => {
    expect(await statusOf(sdk.get({ path: "/channels/public-x/users" }))).toBe(400);
  });

  test("a channel left by its last subscriber disappears from /channels", async () => {
    const socket = await listener("fleeting");
    socket.close();
    await socket.closed;
    await sleep(20);
    expect(await getJson("/channels", { filter_by_prefix: "fleeting" })).toEqual({ channels: {} });
  });

  test("an unknown route is answered 404 and a wrong method 405", async () => {
    expect((await fetch(server.httpUrl("/nope"))).status).toBe(404);
    expect((await fetch(server.httpUrl(EVENTS))).status).toBe(405);
  });
});
