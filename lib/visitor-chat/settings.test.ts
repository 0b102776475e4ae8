import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { must } from "@/test/assignment-fixtures";
import { createAdmin, createStaff, createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { getVisitorChatSettings, updateVisitorChatSettings } from "./settings";

const valid = {
  timeZone: "Europe/London",
  weeklyHours: [
    { day: 5, open: "10:00", close: "16:00" },
    { day: 1, open: "09:00", close: "17:30" },
  ],
  awayMessage: "  Back at nine. Leave your email.  ",
  requireEmail: true,
  cannedReplies: ["Hello! How can I help?", "  ", "One moment, please."],
};

describe("visitor chat settings", () => {
  it("start from the defaults migration 0019 inserted", async () => {
    const db = await testDb();
    const settings = await getVisitorChatSettings(db);
    expect(settings).toMatchObject({ id: 1, timeZone: "UTC", requireEmail: false, cannedReplies: [] });
    expect(settings.weeklyHours).toHaveLength(5);
  });

  it("are saved by an admin, cleaned up and audited", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const saved = must(await updateVisitorChatSettings(db, admin, valid));
    expect(saved).toMatchObject({
      timeZone: "Europe/London",
      weeklyHours: [
        { day: 1, open: "09:00", close: "17:30" },
        { day: 5, open: "10:00", close: "16:00" },
      ],
      awayMessage: "Back at nine. Leave your email.",
      requireEmail: true,
      cannedReplies: ["Hello! How can I help?", "One moment, please."],
    });
    expect(await getVisitorChatSettings(db)).toMatchObject({ timeZone: "Europe/London", requireEmail: true, updatedBy: admin.id });
    const [audit] = await db.select().from(auditLogs).where(and(eq(auditLogs.action, "visitor_chat.settings_updated"), eq(auditLogs.actorId, admin.id)));
    expect(audit?.metadata).toMatchObject({ changed: expect.arrayContaining(["timeZone", "weeklyHours", "awayMessage", "requireEmail", "cannedReplies"]) });
    // A form's checkbox strings are understood too.
    expect(must(await updateVisitorChatSettings(db, admin, { ...valid, requireEmail: "false" })).requireEmail).toBe(false);
  });

  it("are for admins only: a CS rep, teacher or student is refused", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const rep = await createStaff(db, admin, "cs_rep");
    const teacher = await createStaff(db, admin, "teacher");
    const student = await createStudent(db);
    const before = await getVisitorChatSettings(db);
    for (const actor of [rep, teacher, student]) {
      await expect(updateVisitorChatSettings(db, actor, valid)).rejects.toThrow(AppError);
    }
    expect(await getVisitorChatSettings(db)).toEqual(before);
  });

  it("name each invalid field", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const refused = async (input: Record<string, unknown>) => {
      const result = await updateVisitorChatSettings(db, admin, { ...valid, ...input });
      if (result.ok) throw new Error("expected a refusal");
      expect(result.code).toBe("invalid");
      return result.fieldErrors;
    };
    expect((await refused({ timeZone: "Mars/Olympus" })).timeZone?.[0]).toMatch(/time zone/);
    expect((await refused({ timeZone: "" })).timeZone).toBeDefined();
    expect((await refused({ weeklyHours: [{ day: 1, open: "17:00", close: "09:00" }] })).weeklyHours).toBeDefined();
    expect((await refused({ weeklyHours: [{ day: 1, open: "9:00", close: "17:00" }] })).weeklyHours).toBeDefined();
    expect((await refused({ weeklyHours: [{ day: 1, open: "09:00", close: "24:01" }] })).weeklyHours).toBeDefined();
    expect((await refused({ weeklyHours: [{ day: 7, open: "09:00", close: "17:00" }] })).weeklyHours).toBeDefined();
    expect((await refused({ weeklyHours: [{ day: 2, open: "09:00", close: "12:00" }, { day: 2, open: "13:00", close: "17:00" }] })).weeklyHours).toEqual(["Each day can be listed once"]);
    expect((await refused({ weeklyHours: "weekdays" })).weeklyHours).toBeDefined();
    expect((await refused({ awayMessage: "   " })).awayMessage).toEqual(["Write an away message"]);
    expect((await refused({ awayMessage: "a".repeat(501) })).awayMessage).toEqual(["The away message can be at most 500 characters"]);
    expect((await refused({ requireEmail: "maybe" })).requireEmail).toBeDefined();
    expect((await refused({ cannedReplies: Array.from({ length: 21 }, (_, i) => `Reply ${i}`) })).cannedReplies).toEqual(["At most 20 canned replies"]);
    expect((await refused({ cannedReplies: ["x".repeat(301)] })).cannedReplies).toBeDefined();
    // An open day to midnight is fine.
    must(await updateVisitorChatSettings(db, admin, { ...valid, weeklyHours: [{ day: 0, open: "00:00", close: "24:00" }] }));
  });
});
