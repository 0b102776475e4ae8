import { describe, expect, it, vi } from "vitest";
import { parseOriginList, parseServerEnv } from "@/lib/env";
import { REFUSED_ORIGIN_MESSAGE, widgetCaller, widgetPreflight, widgetRoute } from "./widget-cors";

// serverEnv() is read on first use: the app is https://portal.example.test (vitest.config.mts).
vi.stubEnv("WIDGET_ALLOWED_ORIGINS", "https://www.Example.org, http://localhost:4010");

const own = "https://portal.example.test";
const allowed = ["https://www.example.org", "http://localhost:4010"];
const headers = (values: Record<string, string>) => new Headers(values);

describe("WIDGET_ALLOWED_ORIGINS", () => {
  it("normalizes exact origins as browsers send them", () => {
    expect(parseOriginList(" https://WWW.Example.org ,http://localhost:4010,https://shop.example:443/ ,")).toEqual({ ok: true, origins: ["https://www.example.org", "http://localhost:4010", "https://shop.example"] });
    expect(parseOriginList("")).toEqual({ ok: true, origins: [] });
  });

  it("refuses anything that is not a bare http(s) origin, naming it", () => {
    for (const bad of ["https://example.org/path", "example.org", "ftp://example.org", "https://user:pw@example.org", "null", "*", "https://example.org?x=1"]) {
      expect(parseOriginList(`https://ok.example,${bad}`)).toEqual({ ok: false, bad });
    }
    const base = { DATABASE_URL: "postgres://x/y", AUTH_SECRET: "s".repeat(32) };
    expect(() => parseServerEnv({ ...base, WIDGET_ALLOWED_ORIGINS: "https://ok.example,*" })).toThrow(/WIDGET_ALLOWED_ORIGINS: "\*" is not an origin/);
    expect(parseServerEnv(base).WIDGET_ALLOWED_ORIGINS).toEqual([]);
    expect(() => parseServerEnv({ ...base, WIDGET_IDENTITY_SECRET: "short" })).toThrow(/WIDGET_IDENTITY_SECRET/);
  });
});

describe("who may call the widget API", () => {
  it("answers same-origin calls and callers without an Origin without CORS headers", () => {
    expect(widgetCaller(headers({}), allowed, own)).toEqual({ ok: true, allowOrigin: null });
    expect(widgetCaller(headers({ origin: own }), allowed, own)).toEqual({ ok: true, allowOrigin: null });
    expect(widgetCaller(headers({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }), allowed, own)).toEqual({ ok: true, allowOrigin: null });
  });

  it("gives listed host sites CORS and refuses every other origin", () => {
    expect(widgetCaller(headers({ origin: "https://www.example.org", "sec-fetch-site": "cross-site" }), allowed, own)).toEqual({ ok: true, allowOrigin: "https://www.example.org" });
    for (const origin of ["https://evil.example", "https://www.example.org.evil.example", "http://www.example.org", "https://example.org", "null", "not a url", "http://localhost:4011"]) {
      expect(widgetCaller(headers({ origin, "sec-fetch-site": "cross-site" }), allowed, own)).toEqual({ ok: false });
    }
  });

  it("answers a listed site's preflight, and refuses another site's with 403", async () => {
    const ok = widgetPreflight(new Request("https://portal.example.test/api/widget/messages", { method: "OPTIONS", headers: { origin: "https://www.example.org" } }));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://www.example.org");
    expect(ok.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(ok.headers.get("vary")).toContain("Origin");

    const refused = widgetPreflight(new Request("https://portal.example.test/api/widget/messages", { method: "OPTIONS", headers: { origin: "https://evil.example" } }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(await refused.json()).toEqual({ error: REFUSED_ORIGIN_MESSAGE });
  });

  it("runs the handler only for allowed callers and labels its answer", async () => {
    let calls = 0;
    const route = widgetRoute(async () => {
      calls++;
      return Response.json({ data: 1 });
    });
    const allowedAnswer = await route(new Request("https://portal.example.test/api/widget/session", { headers: { origin: "http://localhost:4010" } }));
    expect(allowedAnswer.headers.get("access-control-allow-origin")).toBe("http://localhost:4010");
    expect(allowedAnswer.headers.get("cache-control")).toBe("no-store");
    const sameOrigin = await route(new Request("https://portal.example.test/api/widget/session", { headers: { "sec-fetch-site": "same-origin", origin: own } }));
    expect(sameOrigin.headers.get("access-control-allow-origin")).toBeNull();
    const refused = await route(new Request("https://portal.example.test/api/widget/session", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } }));
    expect(refused.status).toBe(403);
    expect(calls).toBe(2);
  });
});
