import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { visitorSessions } from "@/db/schema";
import { testDb } from "@/test/db";
import { startVisitor } from "./test-helpers";
import { findSessionByToken, hashVisitorToken, newVisitorToken, readBearerToken } from "./tokens";

const bearer = (value: string) => new Headers({ Authorization: value });

describe("visitor tokens", () => {
  it("are 256 random bits as 43 base64url characters, never twice the same", () => {
    const tokens = Array.from({ length: 200 }, newVisitorToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("hash to sha256 hex", () => {
    expect(hashVisitorToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("are read from a Bearer header only when they have the format we issue", () => {
    const token = newVisitorToken();
    expect(readBearerToken(bearer(`Bearer ${token}`))).toBe(token);
    expect(readBearerToken(bearer(`bearer ${token}`))).toBe(token);
    expect(readBearerToken(new Headers())).toBeNull();
    expect(readBearerToken(bearer(token))).toBeNull();
    expect(readBearerToken(bearer(`Basic ${token}`))).toBeNull();
    expect(readBearerToken(bearer(`Bearer ${token}x`))).toBeNull();
    expect(readBearerToken(bearer(`Bearer ${token.slice(1)}`))).toBeNull();
    expect(readBearerToken(bearer(`Bearer ${token.slice(1)}=`))).toBeNull();
    expect(readBearerToken(bearer(`Bearer ${token} ${token}`))).toBeNull();
    expect(readBearerToken(bearer(`Bearer ${"x".repeat(5000)}`))).toBeNull();
  });

  it("find their newest session for 30 days, then nothing", async () => {
    const db = await testDb();
    const started = await startVisitor(db);
    expect((await findSessionByToken(db, started.token))?.id).toBe(started.session.id);
    expect(await findSessionByToken(db, newVisitorToken())).toBeNull();
    expect(await findSessionByToken(db, "short")).toBeNull();
    // Only the hash is looked up: the hash itself is not a token.
    expect(await findSessionByToken(db, hashVisitorToken(started.token))).toBeNull();

    await db.update(visitorSessions).set({ createdAt: sql`now() - interval '29 days 23 hours'` }).where(eq(visitorSessions.id, started.session.id));
    expect((await findSessionByToken(db, started.token))?.id).toBe(started.session.id);
    await db.update(visitorSessions).set({ createdAt: sql`now() - interval '30 days 1 minute'` }).where(eq(visitorSessions.id, started.session.id));
    expect(await findSessionByToken(db, started.token)).toBeNull();
  });
});
