import { describe, expect, it } from "vitest";
import { createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { authorizeChannel, channelAuthRequestSchema } from "./authorize-channel";
import { channels } from "./channels";

describe("channel authorization", () => {
  it("lets a user into their own channel only", async () => {
    const db = await testDb();
    const liam = await createStudent(db, "Liam");
    const sofia = await createStudent(db, "Sofia");
    expect(await authorizeChannel(db, liam, channels.user(liam.id))).toEqual({ allowed: true, presence: undefined });
    expect(await authorizeChannel(db, liam, channels.user(sofia.id))).toEqual({ allowed: false });
  });

  it("refuses channel families nobody has claimed", async () => {
    const db = await testDb();
    const liam = await createStudent(db);
    expect(await authorizeChannel(db, liam, "private-thread-123")).toEqual({ allowed: false });
    expect(await authorizeChannel(db, liam, "presence-anything")).toEqual({ allowed: false });
    expect(await authorizeChannel(db, liam, `private-user-${liam.id}-extra`)).toEqual({ allowed: false });
  });

  it("only parses well-formed private and presence requests", () => {
    expect(channelAuthRequestSchema.safeParse({ socket_id: "123.456", channel_name: "private-user-x" }).success).toBe(true);
    expect(channelAuthRequestSchema.safeParse({ socket_id: "abc", channel_name: "private-user-x" }).success).toBe(false);
    expect(channelAuthRequestSchema.safeParse({ socket_id: "1.2", channel_name: "public-news" }).success).toBe(false);
  });
});
