import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, profiles } from "@/db/schema";
import { extendDueDate } from "@/lib/assignments/extend-due-date";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn } from "@/test/invoice-fixtures";
import { formatDateTime } from "@/lib/time/format";
import { notify } from "./notify";
import { openNotification } from "./open-notification";
import { countUnreadNotifications, LATEST_NOTIFICATIONS, latestNotifications, listNotifications } from "./queries";

type Db = Awaited<ReturnType<typeof testDb>>;
const setTimeZone = (db: Db, userId: string, timeZone: string) => db.update(profiles).set({ timeZone }).where(eq(profiles.userId, userId));

describe("opening a notification", () => {
  it("marks it read for its owner and goes to its link; another user's is not found and stays unread", async () => {
    const db = await testDb();
    const owner = await createStudent(db, "Olga Owner");
    const other = await createStudent(db, "Otto Other");
    const [row] = await notify(db, [owner.id], { type: "test", title: "Your invoice", link: "/student/invoices/123" });

    expect(await openNotification(db, other, { id: row!.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await openNotification(db, owner, { id: "not-a-uuid" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await countUnreadNotifications(db, owner)).toBe(1);

    expect(await openNotification(db, owner, { id: row!.id })).toEqual({ ok: true, data: { href: "/student/invoices/123" } });
    expect(await countUnreadNotifications(db, owner)).toBe(0);
    // Opening it again keeps the first read time.
    const [{ readAt }] = (await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, row!.id))) as [{ readAt: Date }];
    await openNotification(db, owner, { id: row!.id });
    expect((await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, row!.id)))[0]?.readAt).toEqual(readAt);
  });

  it("never leaves the site: a link that is not a same-site path opens the list instead", async () => {
    const db = await testDb();
    const owner = await createStudent(db);
    for (const link of ["https://evil.test/", "//evil.test/x", "/\\evil.test", "/\t/evil.test", "javascript:alert(1)", undefined]) {
      const [row] = await notify(db, [owner.id], { type: "test", title: "Odd link", link });
      expect(await openNotification(db, owner, { id: row!.id })).toEqual({ ok: true, data: { href: "/notifications" } });
    }
  });
});

describe("dates in notifications", () => {
  it("an issued invoice says when it is due in words, the same calendar day in every zone", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    await setTimeZone(db, team.student.id, "Pacific/Kiritimati");
    const { id } = await invoiceIn(db, team, "approved", { input: { dueDate: "2026-12-13" } });
    const [issued] = (await listNotifications(db, team.student)).items.filter((item) => item.href && item.title.startsWith("Invoice INV-"));
    expect(issued?.body).toBe("Due 13 Dec 2026.");
    const [stored] = await db.select().from(notifications).where(eq(notifications.type, "invoice.issued"));
    expect(stored).toMatchObject({ body: null, data: { dueDate: "2026-12-13" }, link: `/student/invoices/${id}` });
  });

  it("a new due date is shown in each reader's own zone, not the one it was entered in", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    await setTimeZone(db, team.student.id, "America/Toronto");
    await setTimeZone(db, team.teacher.id, "Asia/Tokyo");
    const next = new Date(Date.now() + 30 * 86_400_000);
    next.setUTCHours(15, 0, 0, 0);
    must(await extendDueDate(db, team.rep, { ...(await ref(db, id)), dueAt: next.toISOString().slice(0, 16), timeZone: "UTC", reason: "Library closed" }));
    const shown = async (actor: typeof team.student) => (await listNotifications(db, actor)).items.find((item) => item.title.endsWith("has a new due date"));
    // 15:00 UTC: morning in Toronto, midnight (the next day) in Tokyo.
    expect((await shown(team.student))?.body).toBe(`Due ${formatDateTime(next, "America/Toronto")}. Library closed`);
    expect((await shown(team.student))?.body).toMatch(/, 1[01]:00 E[SD]T\./);
    expect((await shown(team.teacher))?.body).toBe(`Due ${formatDateTime(next, "Asia/Tokyo")}. Library closed`);
    expect((await shown(team.teacher))?.body).toContain(", 00:00 ");
  });
});

describe("the bell's menu", () => {
  it("shows the newest few of the actor's own notifications and how many are unread in all", async () => {
    const db = await testDb();
    const owner = await createStudent(db);
    const other = await createStudent(db);
    for (let i = 0; i < LATEST_NOTIFICATIONS + 2; i++) await notify(db, [owner.id], { type: "test", title: `n${i}` });
    await notify(db, [other.id], { type: "test", title: "not yours" });
    const latest = await latestNotifications(db, owner);
    expect(latest.unread).toBe(LATEST_NOTIFICATIONS + 2);
    expect(latest.items.map((item) => item.title)).toEqual(Array.from({ length: LATEST_NOTIFICATIONS }, (_, i) => `n${LATEST_NOTIFICATIONS + 1 - i}`));
    expect(latest.items[0]).toMatchObject({ unread: true, resolved: false, href: `/notifications/${latest.items[0]!.id}/open` });
  });
});
