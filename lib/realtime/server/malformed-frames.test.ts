import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { LIMITS } from "./config";
import { RawClient, startTestServer, type TestServer } from "./test-helpers";

let server: TestServer;
const sockets: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
afterAll(() => server.close());

async function connect(): Promise<RawClient> {
  const socket = await RawClient.connect(server.wsUrl());
  sockets.push(socket);
  await socket.socketId();
  return socket;
}

/** The connection is still usable if a ping sent after the bad frame is answered. */
async function expectStillServing(socket: RawClient): Promise<void> {
  const before = socket.frames.length;
  socket.send({ event: "pusher:ping", data: {} });
  await socket.next("pusher:pong", () => socket.frames.length > before);
  expect(socket.ws.readyState).toBe(WebSocket.OPEN);
}

async function errorFor(socket: RawClient, payload: string | Buffer, binary = false): Promise<{ code: unknown; message: unknown }> {
  const mark = socket.frames.length;
  socket.ws.send(payload, { binary });
  const frame = await socket.next("pusher:error", () => socket.frames.length > mark);
  return frame.data as { code: unknown; message: unknown };
}

describe("malformed frames are answered with pusher:error and the connection stays up", () => {
  const cases: Array<[string, string]> = [
    ["invalid JSON", "{not json"],
    ["an empty frame", ""],
    ["a JSON array", "[1,2,3]"],
    ["a JSON number", "42"],
    ["JSON null", "null"],
    ["a JSON string", '"pusher:ping"'],
    ["an object without event", '{"data":{}}'],
    ["an event that is not a string", '{"event":12}'],
    ["an empty event name", '{"event":""}'],
    ["an unknown event", '{"event":"pusher:teleport","data":{}}'],
    ["a subscribe without data", '{"event":"pusher:subscribe"}'],
    ["a subscribe whose data is a number", '{"event":"pusher:subscribe","data":5}'],
    ["a subscribe whose channel is not a string", '{"event":"pusher:subscribe","data":{"channel":5}}'],
    ["a subscribe whose auth is not a string", '{"event":"pusher:subscribe","data":{"channel":"private-a","auth":{}}}'],
    ["an unsubscribe without channel", '{"event":"pusher:unsubscribe","data":{}}'],
    ["a client event whose channel is not a string", '{"event":"client-x","channel":[],"data":{}}'],
  ];

  test.each(cases)("%s", async (_name, payload) => {
    const socket = await connect();
    const error = await errorFor(socket, payload);
    expect(typeof error.message).toBe("string");
    await expectStillServing(socket);
  });

  test("a binary frame", async () => {
    const socket = await connect();
    const error = await errorFor(socket, Buffer.from([0, 1, 2, 255]), true);
    expect(error.message).toMatch(/binary/i);
    await expectStillServing(socket);
  });

  test("a subscribe whose data is a JSON string is accepted, as older clients send it", async () => {
    const socket = await connect();
    socket.send({ event: "pusher:subscribe", data: JSON.stringify({ channel: "public-room" }) });
    expect(await socket.next("pusher_internal:subscription_succeeded")).toMatchObject({ channel: "public-room" });
  });

  test("a burst of random garbage does not take the server down", async () => {
    const socket = await connect();
    const garbage = ['{"event":', "}}}", "\u0000\u0001", '{"event":"client-"}', '{"event":"pusher:subscribe","data":null}'];
    for (let i = 0; i < 200; i += 1) socket.ws.send(garbage[i % garbage.length] ?? "");
    await expectStillServing(socket);
    const other = await connect();
    await expectStillServing(other);
  });
});

describe("oversized frames", () => {
  test(`a frame above ${LIMITS.maxFrameBytes} bytes closes that socket with 1009 and leaves others untouched`, async () => {
    const victim = await connect();
    const bystander = await connect();
    victim.ws.send(JSON.stringify({ event: "client-big", channel: "private-a", data: "x".repeat(LIMITS.maxFrameBytes) }));
    expect((await victim.closed).code).toBe(1009);
    await expectStillServing(bystander);
  });
});
