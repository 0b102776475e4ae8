import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient, sleep, startTestServer, subscribed, APP, type TestServer } from "@/lib/realtime/server/test-helpers";
import { channels } from "@/lib/realtime/channels";
import { testDb } from "@/test/db";
import { forgetSupportPresence, widgetAvailability } from "./availability";
import { getVisitorChatSettings } from "./settings";
import { visitorChatSettings } from "@/db/schema";

let server: TestServer;

// The real local Pusher-protocol server, asked over its HTTP API exactly as in production.
beforeAll(async () => {
  server = await startTestServer();
  const env = { PUSHER_APP_ID: APP.appId, PUSHER_KEY: APP.key, PUSHER_SECRET: APP.secret, PUSHER_HOST: server.host, PUSHER_PORT: String(server.port), PUSHER_USE_TLS: "false" };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
});

afterAll(async () => {
  await server?.close();
});

// Monday 10:00 and Sunday 10:00 in UTC; the default hours are weekdays 09:00–17:00 UTC.
const monday = new Date("2026-06-01T10:00:00Z");
const sunday = new Date("2026-06-07T10:00:00Z");

describe("widget availability", () => {
  it("is online only within hours and with someone in presence-support", async () => {
    const db = await testDb();
    await db.update(visitorChatSettings).set({ awayMessage: "Gone fishing", requireEmail: true });
    forgetSupportPresence();
    expect(await widgetAvailability(db, monday)).toEqual({ online: false, withinHours: true, awayMessage: "Gone fishing", requireEmail: true });

    const rep = createClient(server, { userId: "rep-1", userInfo: { name: "Carla Rep", role: "cs_rep" } });
    try {
      await subscribed(rep, channels.supportPresence);
      forgetSupportPresence();
      expect(await widgetAvailability(db, monday)).toMatchObject({ online: true, withinHours: true });
      // Outside hours no one is "online", whoever has the console open.
      expect(await widgetAvailability(db, sunday)).toMatchObject({ online: false, withinHours: false });
    } finally {
      rep.disconnect();
    }
    // The answer is cached for a couple of seconds, then asked again.
    await sleep(2_100);
    expect((await widgetAvailability(db, monday)).online).toBe(false);
    expect((await getVisitorChatSettings(db)).awayMessage).toBe("Gone fishing");
  });

  it("is offline when the real-time server cannot be reached", async () => {
    const db = await testDb();
    await server.close();
    forgetSupportPresence();
    expect((await widgetAvailability(db, monday)).online).toBe(false);
  });
});
