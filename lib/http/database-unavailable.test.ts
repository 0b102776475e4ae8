import { describe, expect, it, vi } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db-availability";

// The session lookup is the first database read of every signed-in route: here it finds PostgreSQL restarting.
const restarting = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const session = vi.hoisted(() => ({ currentActor: vi.fn() }));
vi.mock("@/lib/auth/session", () => session);

const { jsonRoute } = await import("./json-route");
const { widgetRoute } = await import("./widget-cors");
const { answer503WhileDatabaseDown } = await import("./database-unavailable");

const request = () => new Request("http://app.test/api/threads/recipients?q=a");
const wrapped = (error: Error) => new Error("Failed query: select * from users where id = $1\nparams: 42", { cause: error });

describe("routes while PostgreSQL cannot be reached", () => {
  it("answer 503 with the outage message and Retry-After, without the driver's text (jsonRoute)", async () => {
    session.currentActor.mockRejectedValueOnce(wrapped(restarting));
    const response = await jsonRoute(async () => ({ ok: true, data: null }))(request());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it("still answer 500 with only a reference for any other failure", async () => {
    session.currentActor.mockRejectedValueOnce(new TypeError("x is undefined"));
    const response = await jsonRoute(async () => ({ ok: true, data: null }))(request());
    expect(response.status).toBe(500);
    expect((await response.json()).error).toMatch(/^Something went wrong \(ref [0-9a-f]{8}\)\. Try again\.$/);
  });

  it("answer 503 from the widget API and from plain handlers too", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const widget = await widgetRoute(async () => Promise.reject(wrapped(refused)))(request());
    expect(widget.status).toBe(503);
    expect(await widget.json()).toEqual({ error: DATABASE_UNAVAILABLE_MESSAGE });
    const plain = await answer503WhileDatabaseDown(async (_request: Request) => Promise.reject(new Error("Connection terminated unexpectedly")))(request());
    expect(plain.status).toBe(503);
    await expect(answer503WhileDatabaseDown(async (_request: Request) => Promise.reject(new RangeError("a bug")))(request())).rejects.toThrow("a bug");
  });
});
