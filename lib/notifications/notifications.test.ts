import { describe, expect, it } from "vitest";
import { createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { markAllNotificationsRead, markNotificationRead } from "./mark-read";
import { notify } from "./notify";
import { countUnreadNotifications, listNotifications, NOTIFICATIONS_PAGE_SIZE } from "./queries";

describe("notifications", () => {
  it("counts unread, marks one and all read, and only for their owner", async () => {
    const db = await testDb();
    const liam = await createStudent(db, "Liam");
    const sofia = await createStudent(db, "Sofia");
    const [first] = await notify(db, [liam.id], { type: "test", title: "First" });
    await notify(db, [liam.id, liam.id], { type: "test", title: "Second" });
    expect(await countUnreadNotifications(db, liam)).toBe(2);
    expect(await countUnreadNotifications(db, sofia)).toBe(0);

    expect(await markNotificationRead(db, sofia, { id: first!.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await countUnreadNotifications(db, liam)).toBe(2);
    expect(await markNotificationRead(db, liam, { id: "not-a-uuid" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await markNotificationRead(db, liam, { id: first!.id })).ok).toBe(true);
    expect(await countUnreadNotifications(db, liam)).toBe(1);
    expect(await markAllNotificationsRead(db, sofia)).toMatchObject({ ok: true, data: { count: 0 } });
    expect(await markAllNotificationsRead(db, liam)).toMatchObject({ ok: true, data: { count: 1 } });
    expect(await countUnreadNotifications(db, liam)).toBe(0);
  });

  it("lists newest first, a page at a time, without another user's rows", async () => {
    const db = await testDb();
    const owner = await createStudent(db);
    const other = await createStudent(db);
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 3; i++) await notify(db, [owner.id], { type: "test", title: `n${i}` });
    await notify(db, [other.id], { type: "test", title: "not yours" });
    const page1 = await listNotifications(db, owner);
    expect(page1.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(page1.items[0]?.title).toBe(`n${NOTIFICATIONS_PAGE_SIZE + 2}`);
    const page2 = await listNotifications(db, owner, { before: page1.nextCursor });
    expect(page2.items.map((n) => n.title)).toEqual(["n2", "n1", "n0"]);
    expect(page2.nextCursor).toBeUndefined();
    expect([...page1.items, ...page2.items].some((n) => n.title === "not yours")).toBe(false);
  });
});
