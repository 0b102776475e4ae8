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

async function client(userId: string | number, userInfo?: unknown): Promise<Pusher> {
  const pusher = createClient(server, { userId, userInfo });
  cleanups.push(() => pusher.disconnect());
  await connected(pusher);
  return pusher;
}

async function raw(): Promise<RawClient> {
  const socket = await RawClient.connect(server.wsUrl());
  cleanups.push(() => socket.close());
  return socket;
}

function memberEvents(socket: RawClient, channel: string, since: number): Array<{ event: string; data: unknown }> {
  return socket
    .framesSince(since)
    .filter((frame) => frame.channel === channel && frame.event.startsWith("pusher_internal:member_"))
    .map((frame) => ({ event: frame.event, data: JSON.parse(String(frame.data)) as unknown }));
}

describe("presence membership", () => {
  test("member_added reaches the other subscribers with user_id and user_info", async () => {
    const observer = await client("watcher");
    const channel = await subscribed(observer, "presence-a");
    const added = nextEvent<{ id: string; info: unknown }>(channel, "pusher:member_added");
    await subscribed(await client("u1", { name: "Ada" }), "presence-a");
    expect(await added).toEqual({ id: "u1", info: { name: "Ada" } });
  });

  test("the joining socket does not receive its own member_added", async () => {
    const socket = await raw();
    const mark = socket.frames.length;
    await socket.subscribe("presence-b", JSON.stringify({ user_id: "solo" }));
    await sleep(50);
    expect(memberEvents(socket, "presence-b", mark)).toEqual([]);
  });

  test("member_added fires once for a user with two sockets", async () => {
    const observer = await raw();
    await observer.subscribe("presence-c", JSON.stringify({ user_id: "watcher" }));
    const mark = observer.frames.length;
    const tabOne = await raw();
    const tabTwo = await raw();
    await tabOne.subscribe("presence-c", JSON.stringify({ user_id: "u1" }));
    const second = await tabTwo.subscribe("presence-c", JSON.stringify({ user_id: "u1" }));
    await sleep(50);
    expect(memberEvents(observer, "presence-c", mark)).toEqual([
      { event: "pusher_internal:member_added", data: { user_id: "u1", user_info: null } },
    ]);
    expect(JSON.parse(String(second.data))).toMatchObject({ presence: { count: 2, ids: ["watcher", "u1"] } });
  });

  test("member_removed waits for the user's last socket: unsubscribe of one tab, disconnect of the other", async () => {
    const observer = await raw();
    await observer.subscribe("presence-d", JSON.stringify({ user_id: "watcher" }));
    const tabOne = await raw();
    const tabTwo = await raw();
    await tabOne.subscribe("presence-d", JSON.stringify({ user_id: "u1" }));
    await tabTwo.subscribe("presence-d", JSON.stringify({ user_id: "u1" }));
    const mark = observer.frames.length;

    tabOne.send({ event: "pusher:unsubscribe", data: { channel: "presence-d" } });
    await sleep(50);
    expect(memberEvents(observer, "presence-d", mark)).toEqual([]);

    tabTwo.close();
    const removed = await observer.next("pusher_internal:member_removed", (frame) => frame.channel === "presence-d");
    expect(JSON.parse(String(removed.data))).toEqual({ user_id: "u1" });
    await sleep(50);
    expect(memberEvents(observer, "presence-d", mark)).toHaveLength(1);
  });

  test("pusher-js members reflect joins and leaves", async () => {
    const observer = await client("watcher");
    const channel = await subscribed(observer, "presence-e");
    const other = await client("u2", { name: "Lin" });
    const added = nextEvent(channel, "pusher:member_added");
    await subscribed(other, "presence-e");
    await added;
    const members = (channel as unknown as { members: { count: number } }).members;
    expect(members.count).toBe(2);
    const removed = nextEvent<{ id: string }>(channel, "pusher:member_removed");
    other.disconnect();
    expect((await removed).id).toBe("u2");
    expect(members.count).toBe(1);
  });

  test("a numeric user_id is treated as its string form", async () => {
    const socket = await raw();
    const frame = await socket.subscribe("presence-f", JSON.stringify({ user_id: 42 }));
    expect(JSON.parse(String(frame.data))).toMatchObject({ presence: { ids: ["42"], count: 1 } });
  });

  test("the users endpoint lists each user once", async () => {
    const sockets = await Promise.all([raw(), raw(), raw()]);
    await Promise.all(sockets.map((socket, index) => socket.subscribe("presence-g", JSON.stringify({ user_id: index === 2 ? "a" : "b" }))));
    const response = await server.sdk().get({ path: "/channels/presence-g/users" });
    const body = (await response.json()) as { users: Array<{ id: string }> };
    expect(body.users.map((user) => user.id).sort()).toEqual(["a", "b"]);
  });
});

describe("presence limits", () => {
  test(`the member after the ${LIMITS.maxPresenceMembers}th is refused, another socket of an existing member is not`, async () => {
    const sockets = await Promise.all(Array.from({ length: LIMITS.maxPresenceMembers + 1 }, () => raw()));
    for (const [index, socket] of sockets.slice(0, LIMITS.maxPresenceMembers).entries()) {
      expect((await socket.subscribe("presence-full", JSON.stringify({ user_id: `u${index}` }))).event).toBe(
        "pusher_internal:subscription_succeeded",
      );
    }
    const late = sockets[LIMITS.maxPresenceMembers];
    if (!late) throw new Error("missing socket");
    const refused = await late.subscribe("presence-full", JSON.stringify({ user_id: "one-too-many" }));
    expect(refused).toMatchObject({ event: "pusher:subscription_error", data: { type: "LimitReached" } });

    const extraTab = await raw();
    const accepted = await extraTab.subscribe("presence-full", JSON.stringify({ user_id: "u0" }));
    expect(accepted.event).toBe("pusher_internal:subscription_succeeded");
  });
});
