import { describe, expect, test } from "vitest";
import { createLogger } from "./logger";
import { startRealtimeServer } from "./server";
import { APP } from "./test-helpers";

describe("structured logs", () => {
  test("each event is one JSON line with ts, level and event", () => {
    const lines: string[] = [];
    createLogger("info", (line) => lines.push(line)).info("subscribed", { channel: "a", count: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", event: "subscribed", channel: "a", count: 2 });
  });

  test("a field cannot overwrite the event name", () => {
    const lines: string[] = [];
    createLogger("debug", (line) => lines.push(line)).debug("delivered", { event: "spoofed" });
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ event: "delivered" });
  });

  test("logLevel silent writes nothing, and lower levels are filtered", () => {
    const lines: string[] = [];
    const silent = createLogger("silent", (line) => lines.push(line));
    silent.error("boom");
    const warn = createLogger("warn", (line) => lines.push(line));
    warn.info("chatty");
    warn.debug("chattier");
    expect(lines).toEqual([]);
    warn.warn("kept");
    expect(lines).toHaveLength(1);
  });
});

describe("options", () => {
  test("an empty secret is refused before anything listens", async () => {
    await expect(startRealtimeServer({ ...APP, secret: "", port: 0, logLevel: "silent" })).rejects.toThrow();
  });

  test("a port already in use rejects with EADDRINUSE", async () => {
    const first = await startRealtimeServer({ ...APP, port: 0, logLevel: "silent" });
    try {
      await expect(startRealtimeServer({ ...APP, port: first.port, logLevel: "silent" })).rejects.toMatchObject({
        code: "EADDRINUSE",
      });
    } finally {
      await first.close();
    }
  });
});
