import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const base = { NODE_ENV: "test", DATABASE_URL: "postgres://x@localhost/x", AUTH_SECRET: "x".repeat(32) };

async function iceServersWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries({ ...base, ...env })) vi.stubEnv(key, value);
  return (await import("./config")).iceServers;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the meeting room's ICE servers", () => {
  it("are the ones ICE_SERVERS lists, as they are, without a TURN secret", async () => {
    const listed = [{ urls: "stun:stun.example.org:3478" }, { urls: "turn:turn.example.org:3478", username: "nano", credential: "static" }];
    const iceServers = await iceServersWith({ ICE_SERVERS: JSON.stringify(listed) });
    expect(iceServers("a-user")).toEqual(listed);
  });

  it("give a TURN entry without a username credentials that expire, in coturn's use-auth-secret scheme", async () => {
    const iceServers = await iceServersWith({
      ICE_SERVERS: JSON.stringify([{ urls: "stun:turn.example.org:3478" }, { urls: ["turn:turn.example.org:3478", "turns:turn.example.org:5349"] }]),
      TURN_SHARED_SECRET: "a-shared-secret-of-coturn",
      TURN_CREDENTIAL_TTL_SECONDS: "600",
    });
    const now = new Date("2026-12-06T10:00:00Z");
    const [stun, turn] = iceServers("user-42", now);
    expect(stun).toEqual({ urls: "stun:turn.example.org:3478" });
    const expiry = now.getTime() / 1000 + 600;
    expect(turn?.username).toBe(`${expiry}:user-42`);
    expect(turn?.credential).toBe(createHmac("sha1", "a-shared-secret-of-coturn").update(`${expiry}:user-42`).digest("base64"));
  });
});
