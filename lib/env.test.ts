import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "./env";

const valid = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  AUTH_SECRET: "x".repeat(32),
};

describe("server environment", () => {
  it("accepts a complete configuration and applies defaults", () => {
    const env = parseServerEnv(valid);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.NODE_ENV).toBe("development");
  });

  it("names a missing AUTH_SECRET", () => {
    expect(() => parseServerEnv({ DATABASE_URL: valid.DATABASE_URL })).toThrow(/AUTH_SECRET/);
  });

  it("names a malformed DATABASE_URL", () => {
    expect(() => parseServerEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(EnvError);
    expect(() => parseServerEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start/);
  });

  it("reads the meeting room's ICE servers as JSON and names a malformed value", () => {
    expect(parseServerEnv(valid).ICE_SERVERS).toEqual([]);
    expect(parseServerEnv({ ...valid, ICE_SERVERS: '[{"urls":["stun:a.example:3478","turn:a.example:3478"],"username":"u","credential":"p"}]' }).ICE_SERVERS).toHaveLength(1);
    for (const bad of ["not json", '{"urls":"stun:a"}', '[{"urls":"http://a.example"}]', '[{"urls":"turn:a","extra":1}]']) {
      expect(() => parseServerEnv({ ...valid, ICE_SERVERS: bad })).toThrow(/ICE_SERVERS must be a JSON array/);
    }
  });

  it("reports an empty variable as missing", () => {
    expect(() => parseServerEnv({ ...valid, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET is required/);
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(() => parseServerEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/at least 32/);
  });
});
