import type Pusher from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { signChannelAuth } from "./signature";
import {
  APP,
  connected,
  createClient,
  nextEvent,
  RawClient,
  sleep,
  startTestServer,
  subscribed,
  type ClientIdentity,
  type TestServer,
} from "./test-helpers";

let server: TestServer;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
afterAll(() => server.close());

async function client(identity: ClientIdentity = {}): Promise<Pusher> {
  const pusher = createClient(server, identity);
  cleanups.push(() => pusher.disconnect());
  await connected(pusher);
  return pusher;
}

async function raw(): Promise<RawClient> {
  const socket = await RawClient.connect(server.wsUrl());
  cleanups.push(() => socket.close());
  return socket;
}

interface SubscriptionError {
  type: string;
  error: string;
  status: number;
}

async function subscriptionError(pusher: Pusher, name: string): Promise<SubscriptionError> {
  return nextEvent<SubscriptionError>(pusher.subscribe(name), "pusher:subscription_error");
}

describe("public channels", () => {
  test("a public subscription needs no auth and succeeds with data {}", async () => {
    const socket = await raw();
    await socket.socketId();
    socket.send({ event: "pusher:subscribe", data: { channel: "room-1" } });
    const frame = await socket.next("pusher_internal:subscription_succeeded");
    expect(frame).toEqual({ event: "pusher_internal:subscription_succeeded", channel: "room-1", data: "{}" });
  });

  test("an invalid channel name is refused with a subscription_error", async () => {
    const socket = await raw();
    await socket.socketId();
    socket.send({ event: "pusher:subscribe", data: { channel: "bad name!" } });
    const frame = await socket.next("pusher:subscription_error");
    expect(frame).toMatchObject({ channel: "bad name!", data: { type: "InvalidChannel", status: 400 } });
  });

  test("a channel name longer than 200 characters is refused", async () => {
    const socket = await raw();
    expect((await socket.subscribe("a".repeat(201))).event).toBe("pusher:subscription_error");
    expect((await socket.subscribe("a".repeat(200))).event).toBe("pusher_internal:subscription_succeeded");
  });

  test("after unsubscribing, events on the channel are no longer delivered", async () => {
    const pusher = await client();
    const channel = await subscribed(pusher, "news");
    let received = 0;
    channel.bind("update", () => (received += 1));
    await server.sdk().trigger("news", "update", {});
    await sleep(50);
    pusher.unsubscribe("news");
    await sleep(50);
    await server.sdk().trigger("news", "update", {});
    await sleep(100);
    expect(received).toBe(1);
  });

  test("unsubscribing from a channel never joined is silently ignored", async () => {
    const socket = await raw();
    await socket.socketId();
    const mark = socket.frames.length;
    socket.send({ event: "pusher:unsubscribe", data: { channel: "never-joined" } });
    socket.send({ event: "pusher:ping", data: {} });
    await socket.next("pusher:pong");
    expect(socket.framesSince(mark).map((frame) => frame.event)).toEqual(["pusher:pong"]);
  });
});

describe("private channels", () => {
  test("a private subscription signed with the app secret succeeds", async () => {
    const pusher = await client();
    const channel = await subscribed(pusher, "private-orders");
    expect(channel.subscribed).toBe(true);
  });

  test("a private subscription with a forged signature is refused", async () => {
    const pusher = await client({ forgeAuth: () => `${APP.key}:${"0".repeat(64)}` });
    const error = await subscriptionError(pusher, "private-orders");
    expect(error).toMatchObject({ type: "AuthError", status: 401 });
  });

  test("a private subscription signed with another secret is refused", async () => {
    const pusher = await client({
      forgeAuth: ({ socketId, channelName }) => signChannelAuth(APP.key, "not-the-secret", socketId, channelName),
    });
    expect((await subscriptionError(pusher, "private-orders")).type).toBe("AuthError");
  });

  test("a private subscription signed for another socket is refused", async () => {
    const pusher = await client({
      forgeAuth: ({ channelName }) => signChannelAuth(APP.key, APP.secret, "1.1", channelName),
    });
    expect((await subscriptionError(pusher, "private-orders")).type).toBe("AuthError");
  });

  test("a private subscription signed for another channel is refused", async () => {
    const pusher = await client({
      forgeAuth: ({ socketId }) => signChannelAuth(APP.key, APP.secret, socketId, "private-other"),
    });
    expect((await subscriptionError(pusher, "private-orders")).type).toBe("AuthError");
  });

  test("a private subscription whose auth names another app key is refused", async () => {
    const pusher = await client({
      forgeAuth: ({ socketId, channelName }) => signChannelAuth("other-key", APP.secret, socketId, channelName),
    });
    expect((await subscriptionError(pusher, "private-orders")).type).toBe("AuthError");
  });

  test("a private subscription without auth is refused", async () => {
    const socket = await raw();
    await socket.socketId();
    socket.send({ event: "pusher:subscribe", data: { channel: "private-orders" } });
    expect(await socket.next("pusher:subscription_error")).toMatchObject({ data: { type: "AuthError" } });
  });

  test("a refused subscription receives no events for that channel", async () => {
    const socket = await raw();
    const socketId = await socket.socketId();
    socket.send({ event: "pusher:subscribe", data: { channel: "private-orders", auth: `${APP.key}:${socketId}` } });
    await socket.next("pusher:subscription_error");
    const mark = socket.frames.length;
    await server.sdk().trigger("private-orders", "created", {});
    await sleep(100);
    expect(socket.framesSince(mark)).toEqual([]);
  });
});

describe("presence channels", () => {
  test("subscription_succeeded lists members as {count, ids, hash}", async () => {
    const socket = await raw();
    const channelData = JSON.stringify({ user_id: "u1", user_info: { name: "Ada" } });
    const frame = await socket.subscribe("presence-lobby", channelData);
    expect(frame.event).toBe("pusher_internal:subscription_succeeded");
    expect(JSON.parse(String(frame.data))).toEqual({
      presence: { count: 1, ids: ["u1"], hash: { u1: { name: "Ada" } } },
    });
  });

  test("pusher-js sees itself as members.me", async () => {
    const pusher = await client({ userId: "u7", userInfo: { name: "Grace" } });
    const channel = pusher.subscribe("presence-lobby");
    const members = await nextEvent<{ me: { id: string; info: unknown }; count: number }>(channel, "pusher:subscription_succeeded");
    expect(members.me).toEqual({ id: "u7", info: { name: "Grace" } });
  });

  test("a presence subscription whose channel_data was altered after signing is refused", async () => {
    const socket = await raw();
    const socketId = await socket.socketId();
    const signed = JSON.stringify({ user_id: "u1" });
    const auth = signChannelAuth(APP.key, APP.secret, socketId, "presence-lobby", signed);
    socket.send({
      event: "pusher:subscribe",
      data: { channel: "presence-lobby", auth, channel_data: JSON.stringify({ user_id: "admin" }) },
    });
    expect(await socket.next("pusher:subscription_error")).toMatchObject({ data: { type: "AuthError" } });
  });

  test("a presence subscription signed without channel_data is refused", async () => {
    const socket = await raw();
    const socketId = await socket.socketId();
    const auth = signChannelAuth(APP.key, APP.secret, socketId, "presence-lobby");
    socket.send({ event: "pusher:subscribe", data: { channel: "presence-lobby", auth } });
    expect((await socket.next("pusher:subscription_error")).event).toBe("pusher:subscription_error");
  });

  test("a presence subscription whose channel_data has no user_id is refused", async () => {
    const socket = await raw();
    const frame = await socket.subscribe("presence-lobby", JSON.stringify({ user_info: {} }));
    expect(frame.event).toBe("pusher:subscription_error");
  });

  test("user_info over 1 KB is refused", async () => {
    const socket = await raw();
    const frame = await socket.subscribe("presence-lobby", JSON.stringify({ user_id: "u1", user_info: "x".repeat(1100) }));
    expect(frame).toMatchObject({ event: "pusher:subscription_error", data: { type: "LimitReached" } });
  });
});
