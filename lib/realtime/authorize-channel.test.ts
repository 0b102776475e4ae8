import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createAdmin, createStaff, createStudent } from "@/test/fixtures";
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

  it("lets CS reps and admins, and no one else, into the visitor chat channels", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const rep = await createStaff(db, admin, "cs_rep");
    const teacher = await createStaff(db, admin, "teacher");
    const student = await createStudent(db);
    const session = channels.visitorSession(randomUUID());
    for (const actor of [admin, rep]) {
      expect(await authorizeChannel(db, actor, session)).toEqual({ allowed: true, presence: undefined });
      expect(await authorizeChannel(db, actor, channels.support)).toEqual({ allowed: true, presence: undefined });
      expect(await authorizeChannel(db, actor, channels.supportPresence)).toEqual({ allowed: true, presence: { user_id: actor.id, user_info: { name: actor.name, role: actor.role } } });
    }
    for (const actor of [teacher, student]) {
      for (const channel of [session, channels.support, channels.supportPresence]) expect(await authorizeChannel(db, actor, channel)).toEqual({ allowed: false });
    }
    expect(await authorizeChannel(db, rep, "private-visitor-not-a-uuid")).toEqual({ allowed: false });
    expect(await authorizeChannel(db, rep, `${channels.support}-x`)).toEqual({ allowed: false });
  });

  it("only parses well-formed private and presence requests", () => {
    expect(channelAuthRequestSchema.safeParse({ socket_id: "123.456", channel_name: "private-user-x" }).success).toBe(true);
    expect(channelAuthRequestSchema.safeParse({ socket_id: "abc", channel_name: "private-user-x" }).success).toBe(false);
    expect(channelAuthRequestSchema.safeParse({ socket_id: "1.2", channel_name: "public-news" }).success).toBe(false);
  });
});
