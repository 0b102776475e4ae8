import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { visitorSessions } from "@/db/schema";
import { channels } from "@/lib/realtime/channels";
import { testDb } from "@/test/db";
import * as availabilityRoute from "./availability/route";
import * as messagesRoute from "./messages/route";
import * as pusherAuthRoute from "./pusher-auth/route";
import * as readRoute from "./read/route";
import * as sessionRoute from "./session/route";
import * as sessionsRoute from "./sessions/route";

let db: Database;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getDb: () => db }));
// The app is https://portal.example.test (vitest.config.mts); one host site is listed.
vi.stubEnv("WIDGET_ALLOWED_ORIGINS", "https://www.example.org");

const app = "https://portal.example.test";
const hostSite = "https://www.example.org";

function call(path: string, init: { method?: string; body?: unknown; form?: string; token?: string; origin?: string; ip?: string } = {}): Request {
  const headers = new Headers({ "x-forwarded-for": init.ip ?? "192.0.2.10" });
  if (init.origin) headers.set("origin", init.origin);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body: string | undefined;
  if (init.form !== undefined) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = init.form;
  } else if (init.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.body);
  }
  return new Request(`${app}${path}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

const form = (overrides: Record<string, unknown> = {}) => ({ name: "Vera", email: "vera@example.org", question: "Hello, anyone?", clientMessageId: randomUUID(), pageUrl: "https://www.example.org/", ...overrides });

async function start(ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`) {
  const response = await sessionsRoute.POST(call("/api/widget/sessions", { body: form(), origin: hostSite, ip }));
  if (response.status !== 201) throw new Error(`start answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: { token: string; session: { id: string } } }).data;
}

describe("the widget API", () => {
  it("serves a whole conversation to a listed host site, with CORS on every answer", async () => {
    db = await testDb();
    const availability = await availabilityRoute.GET(call("/api/widget/availability", { origin: hostSite }));
    expect(availability.status).toBe(200);
    expect(availability.headers.get("access-control-allow-origin")).toBe(hostSite);
    expect((await availability.json()).data).toMatchObject({ online: expect.any(Boolean), withinHours: expect.any(Boolean), requireEmail: false });

    const { token, session } = await start();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const loaded = await sessionRoute.GET(call("/api/widget/session", { token, origin: hostSite }));
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get("access-control-allow-origin")).toBe(hostSite);
    expect(loaded.headers.get("cache-control")).toBe("no-store");
    const conversation = (await loaded.json()).data;
    expect(conversation.session.id).toBe(session.id);
    expect(conversation.messages).toHaveLength(1);

    const sent = await messagesRoute.POST(call("/api/widget/messages", { token, body: { clientMessageId: randomUUID(), body: "<b>not html</b>" } }));
    expect(sent.status).toBe(201);
    expect((await sent.json()).data).toMatchObject({ seq: 2, body: "<b>not html</b>", author: "visitor" });

    const after = await messagesRoute.GET(call("/api/widget/messages?after=1", { token }));
    expect((await after.json()).data.messages.map((m: { seq: number }) => m.seq)).toEqual([2]);

    const read = await readRoute.POST(call("/api/widget/read", { token, body: { seq: 2 } }));
    expect(await read.json()).toEqual({ data: { seq: 2 } });

    const preflight = await sessionsRoute.OPTIONS(call("/api/widget/sessions", { method: "OPTIONS", origin: hostSite }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
  });

  it("refuses pages of sites not listed (403) before doing anything", async () => {
    db = await testDb();
    const { token } = await start();
    const evil = "https://evil.example";
    for (const response of [
      await availabilityRoute.GET(call("/api/widget/availability", { origin: evil })),
      await sessionsRoute.POST(call("/api/widget/sessions", { body: form(), origin: evil })),
      await sessionRoute.GET(call("/api/widget/session", { token, origin: evil })),
      await messagesRoute.POST(call("/api/widget/messages", { token, origin: evil, body: { clientMessageId: randomUUID(), body: "hi" } })),
      await readRoute.POST(call("/api/widget/read", { token, origin: evil, body: { seq: 1 } })),
      await pusherAuthRoute.POST(call("/api/widget/pusher-auth", { token, origin: evil, form: "socket_id=1.2&channel_name=private-support" })),
      await messagesRoute.OPTIONS(call("/api/widget/messages", { method: "OPTIONS", origin: evil })),
    ]) {
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(await response.json()).toEqual({ error: "This site may not use the chat widget" });
    }
  });

  it("answers 400 with field errors, 401 without a good token, 409 once ended, 429 past the session limit", async () => {
    db = await testDb();
    const bad = await sessionsRoute.POST(call("/api/widget/sessions", { body: form({ name: "", question: "" }) }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toMatchObject({ name: ["Enter your name"], question: ["Write your question"] });
    const notJson = await sessionsRoute.POST(new Request(`${app}/api/widget/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" }));
    expect(notJson.status).toBe(400);

    expect((await sessionRoute.GET(call("/api/widget/session"))).status).toBe(401);
    expect((await sessionRoute.GET(call("/api/widget/session", { token: "A".repeat(43) }))).status).toBe(401);
    expect((await messagesRoute.GET(call("/api/widget/messages?after=0"))).status).toBe(401);

    const { token, session } = await start();
    expect((await messagesRoute.GET(call("/api/widget/messages?after=abc", { token }))).status).toBe(400);
    await db.update(visitorSessions).set({ status: "closed" }).where(eq(visitorSessions.id, session.id));
    const ended = await messagesRoute.POST(call("/api/widget/messages", { token, body: { clientMessageId: randomUUID(), body: "still there?" } }));
    expect(ended.status).toBe(409);
    expect((await ended.json()).error).toMatch(/This conversation has ended/);

    const ip = "192.0.2.250";
    for (let i = 0; i < 5; i++) await start(ip);
    const limited = await sessionsRoute.POST(call("/api/widget/sessions", { body: form(), ip }));
    expect(limited.status).toBe(429);
    expect((await limited.json()).error).toMatch(/Too many conversations/);
  });

  it("signs the visitor into their own session's channel only", async () => {
    db = await testDb();
    const alice = await start();
    const bob = await start();
    const own = await pusherAuthRoute.POST(call("/api/widget/pusher-auth", { token: alice.token, form: `socket_id=123.456&channel_name=${channels.visitorSession(alice.session.id)}` }));
    expect(own.status).toBe(200);
    expect((await own.json()).auth).toMatch(/^[^:]+:[0-9a-f]{64}$/);
    for (const channel of [channels.visitorSession(bob.session.id), channels.support, channels.supportPresence]) {
      const refused = await pusherAuthRoute.POST(call("/api/widget/pusher-auth", { token: alice.token, form: `socket_id=123.456&channel_name=${channel}` }));
      expect(refused.status).toBe(403);
    }
    const noToken = await pusherAuthRoute.POST(call("/api/widget/pusher-auth", { form: `socket_id=123.456&channel_name=${channels.visitorSession(alice.session.id)}` }));
    expect(noToken.status).toBe(403);
  });
});
