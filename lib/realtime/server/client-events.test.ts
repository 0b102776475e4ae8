import type Pusher from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { LIMITS } from "./config";
import { connected, createClient, nextEvent, RawClient, sleep, startTestServer, subscribed, type TestServer } from "./test-helpers";

let server: TestServer;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
afterAll(() => server.close());

async function client(userId?: string): Promise<Pusher> {
  const pusher = createClient(server, { userId });
  cleanups.push(() => pusher.disconnect());
  await connected(pusher);
  return pusher;
}

async function raw(): Promise<RawClient> {
  const socket = await RawClient.connect(server.wsUrl());
  cleanups.push(() => socket.close());
  await socket.socketId();
  return socket;
}

async function pair(channel: string): Promise<[RawClient, RawClient]> {
  const sender = await raw();
  const receiver = await raw();
  const data = channel.startsWith("presence-") ? JSON.stringify({ user_id: "x" }) : undefined;
  await sender.subscribe(channel, data);
  await receiver.subscribe(channel, data);
  return [sender, receiver];
}

async function errorAfter(socket: RawClient, mark: number): Promise<{ code: number | null; message: string }> {
  const frame = await socket.next("pusher:error", () => socket.frames.length > mark);
  return frame.data as { code: number | null; message: string };
}

describe("client events", () => {
  test("a client event on a private channel reaches other subscribers and is not echoed to the sender", async () => {
    const sender = await client();
    const receiver = await client();
    const senderChannel = await subscribed(sender, "private-chat");
    const receiverChannel = await subscribed(receiver, "private-chat");
    let echoed = false;
    senderChannel.bind("client-typing", () => (echoed = true));
    const received = nextEvent(receiverChannel, "client-typing");
    senderChannel.trigger("client-typing", { who: "me" });
    expect(await received).toEqual({ who: "me" });
    await sleep(50);
    expect(echoed).toBe(false);
  });

  test("a client event on a presence channel carries the sender's user_id", async () => {
    const sender = await client("alice");
    const receiver = await client("bob");
    const senderChannel = await subscribed(sender, "presence-chat");
    const receiverChannel = await subscribed(receiver, "presence-chat");
    const received = new Promise<unknown>((resolve) =>
      receiverChannel.bind("client-wave", (_data: unknown, metadata: { user_id?: string }) => resolve(metadata.user_id)),
    );
    senderChannel.trigger("client-wave", {});
    expect(await received).toBe("alice");
  });

  test("a client event on a public channel is rejected and delivered to nobody", async () => {
    const [sender, receiver] = await pair("lobby");
    const mark = receiver.frames.length;
    const senderMark = sender.frames.length;
    sender.send({ event: "client-hi", channel: "lobby", data: {} });
    expect((await errorAfter(sender, senderMark)).message).toMatch(/private and presence/);
    await sleep(50);
    expect(receiver.framesSince(mark)).toEqual([]);
  });

  test("a client event on a channel the sender has not subscribed to is rejected", async () => {
    const receiver = await raw();
    await receiver.subscribe("private-room");
    const outsider = await raw();
    const mark = receiver.frames.length;
    const outsiderMark = outsider.frames.length;
    outsider.send({ event: "client-hi", channel: "private-room", data: {} });
    expect((await errorAfter(outsider, outsiderMark)).message).toMatch(/not subscribed/);
    await sleep(50);
    expect(receiver.framesSince(mark)).toEqual([]);
  });

  test("a client event before the subscription has been made is rejected", async () => {
    const receiver = await raw();
    await receiver.subscribe("private-early");
    const early = await raw();
    const mark = early.frames.length;
    early.send({ event: "client-hi", channel: "private-early", data: {} });
    await early.subscribe("private-early");
    expect((await errorAfter(early, mark)).message).toMatch(/not subscribed/);
  });

  test("a client event without a channel is rejected", async () => {
    const sender = await raw();
    const mark = sender.frames.length;
    sender.send({ event: "client-hi", data: {} });
    expect((await errorAfter(sender, mark)).code).toBeNull();
  });

  test("an event without the client- prefix cannot be sent from a socket", async () => {
    const [sender, receiver] = await pair("private-prefix");
    const mark = receiver.frames.length;
    const senderMark = sender.frames.length;
    sender.send({ event: "order-created", channel: "private-prefix", data: {} });
    await errorAfter(sender, senderMark);
    await sleep(50);
    expect(receiver.framesSince(mark)).toEqual([]);
  });

  test("client events are refused on encrypted channels", async () => {
    const [sender] = await pair("private-encrypted-vault");
    const mark = sender.frames.length;
    sender.send({ event: "client-hi", channel: "private-encrypted-vault", data: {} });
    expect((await errorAfter(sender, mark)).message).toMatch(/private and presence/);
  });

  test(`client event data above ${LIMITS.maxClientEventBytes} bytes is rejected`, async () => {
    const [sender, receiver] = await pair("private-big");
    const mark = receiver.frames.length;
    const senderMark = sender.frames.length;
    sender.send({ event: "client-big", channel: "private-big", data: "x".repeat(LIMITS.maxClientEventBytes) });
    expect((await errorAfter(sender, senderMark)).message).toMatch(/exceeds/);
    sender.send({ event: "client-small", channel: "private-big", data: "x".repeat(LIMITS.maxClientEventBytes - 100) });
    await receiver.next("client-small", () => true);
    expect(receiver.framesSince(mark).map((frame) => frame.event)).toEqual(["client-small"]);
  });

  test("more than 10 client events per second from one socket are rejected with 4301", async () => {
    const [sender, receiver] = await pair("private-spam");
    const mark = receiver.frames.length;
    const senderMark = sender.frames.length;
    for (let i = 0; i < 15; i += 1) sender.send({ event: "client-n", channel: "private-spam", data: { i } });
    expect((await errorAfter(sender, senderMark)).code).toBe(4301);
    await sleep(100);
    const delivered = receiver.framesSince(mark).filter((frame) => frame.event === "client-n");
    expect(delivered).toHaveLength(10);
    const rejected = sender.framesSince(senderMark).filter((frame) => frame.event === "pusher:error");
    expect(rejected).toHaveLength(5);
  });

  test("client event data is forwarded as sent, with the channel", async () => {
    const [sender, receiver] = await pair("private-shape");
    sender.send({ event: "client-shape", channel: "private-shape", data: { nested: [1, "two"] } });
    expect(await receiver.next("client-shape")).toEqual({
      event: "client-shape",
      channel: "private-shape",
      data: { nested: [1, "two"] },
    });
  });
});
