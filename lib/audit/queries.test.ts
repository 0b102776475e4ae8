import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLogs, profiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assignmentIn, createTeam, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/fixtures";
import { createAnnouncement } from "@/lib/announcements/create-announcement";
import { baseForm } from "@/lib/announcements/test-helpers";
import { auditFilterOptions, listAuditLog } from "./queries";
import { AUDIT_PAGE_SIZE, auditLogQuerySchema, decodeCursor, encodeCursor } from "./schemas";

const query = (input: Record<string, string | undefined>) => auditLogQuerySchema.parse(input);
/** An action of the test's own, so rows other tests write never match its filter. */
const uniqueAction = (name: string) => `test.${name}_${randomBytes(4).toString("hex")}`;

let db: Database;
let team: Team;

beforeAll(async () => {
  db = await testDb();
  team = await createTeam(db);
});

async function insertRows(rows: Partial<typeof auditLogs.$inferInsert>[]) {
  await db.insert(auditLogs).values(rows.map((row) => ({ action: "test.row", targetType: "user", ...row })));
}

describe("the audit log viewer", () => {
  it("lists rows newest first with who did it (name, role, public ID), the target's name and link, and the details", async () => {
    const { id, code } = await assignmentIn(db, team, "assigned");
    const page = await listAuditLog(db, team.admin, query({ target: code }));
    expect(page.rows.map((row) => row.action)).toEqual(["assignment.teachers_assigned", "assignment.requested"]);
    const [assigned] = page.rows;
    const [rep] = await db.select().from(profiles).where(eq(profiles.userId, team.rep.id));
    expect(assigned!.actor).toEqual({ id: team.rep.id, name: "Carla Rep", role: "cs_rep", publicId: rep!.publicId });
    expect(assigned!.target).toEqual({ type: "assignment", id, label: code, href: `/admin/assignments/${id}` });
    expect(assigned!.ip).toBe("203.0.113.7");
    expect(page.nextCursor).toBeNull();
    // The same rows by the assignment's id.
    expect((await listAuditLog(db, team.admin, query({ target: id.toUpperCase() }))).rows.map((row) => row.id)).toEqual(page.rows.map((row) => row.id));
  });

  it("names an announcement by its title and links to its page", async () => {
    const title = `Library hours ${randomBytes(3).toString("hex")}`;
    const created = await createAnnouncement(db, team.admin, { ...baseForm, audience: "staff", title });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.announcementId;
    const page = await listAuditLog(db, team.admin, query({ target: id }));
    expect(page.rows.map((row) => row.action)).toEqual(["announcement.published", "announcement.created"]);
    expect(page.rows[0]!.target).toEqual({ type: "announcement", id, label: title, href: `/admin/announcements/${id}` });
  });

  it("filters by actor (name, email or public ID), action, target type and target public ID", async () => {
    const carol = await createStaff(db, team.admin, "cs_rep", "Carol Zebrafinch");
    const action = uniqueAction("filters");
    await insertRows([
      { action, actorId: carol.id, targetType: "user", targetId: team.student.id },
      { action, actorId: team.admin.id, targetType: "invoice", targetId: randomUUID() },
      { action: uniqueAction("other"), actorId: carol.id, targetType: "user", targetId: team.student.id },
    ]);
    const actions = (input: Record<string, string>) => listAuditLog(db, team.admin, query(input)).then((page) => page.rows.map((row) => [row.action === action ? "mine" : "other", row.actor?.id, row.target.type]));

    expect(await actions({ action })).toEqual([
      ["mine", team.admin.id, "invoice"],
      ["mine", carol.id, "user"],
    ]);
    expect(await actions({ action, actor: "zebrafinch" })).toEqual([["mine", carol.id, "user"]]);
    expect(await actions({ action, actor: carol.email.toUpperCase() })).toEqual([["mine", carol.id, "user"]]);
    expect(await actions({ action, actor: carol.publicId.toLowerCase() })).toEqual([["mine", carol.id, "user"]]);
    expect(await actions({ action, targetType: "invoice" })).toEqual([["mine", team.admin.id, "invoice"]]);
    const [student] = await db.select().from(profiles).where(eq(profiles.userId, team.student.id));
    const byStudent = await listAuditLog(db, team.admin, query({ actor: "zebrafinch", target: student!.publicId }));
    expect(byStudent.rows).toHaveLength(2);
    expect(byStudent.rows[0]!.target).toMatchObject({ label: `Liam Student (${student!.publicId})`, href: `/admin/users?q=${student!.publicId}` });
    // A name nobody has, or a code nothing has, matches nothing (never everything).
    expect(await actions({ actor: "nobody-has-this-name" })).toEqual([]);
    expect(await actions({ target: "ASG-999999" })).toEqual([]);
  });

  it("reads the date range as whole days in the admin's time zone", async () => {
    const action = uniqueAction("days");
    await db.update(profiles).set({ timeZone: "America/New_York" }).where(eq(profiles.userId, team.admin.id));
    try {
      // 2026-03-10 in New York (EDT from 8 March, UTC−4) runs from 04:00Z to 04:00Z the next day.
      await insertRows([
        { action, createdAt: new Date("2026-03-10T03:59:59.999Z"), metadata: { n: "before" } },
        { action, createdAt: new Date("2026-03-10T04:00:00.000Z"), metadata: { n: "first" } },
        { action, createdAt: new Date("2026-03-11T03:59:59.999Z"), metadata: { n: "last" } },
        { action, createdAt: new Date("2026-03-11T04:00:00.000Z"), metadata: { n: "after" } },
      ]);
      const page = await listAuditLog(db, team.admin, query({ action, from: "2026-03-10", to: "2026-03-10" }));
      expect(page.rows.map((row) => row.metadata.n)).toEqual(["last", "first"]);
      expect(page.timeZone).toBe("America/New_York");
      expect(page.rows[0]!.when).toBe("2026-03-10 23:59:59");
      expect((await listAuditLog(db, team.admin, query({ action, from: "2026-03-11" }))).rows.map((row) => row.metadata.n)).toEqual(["after"]);
      expect((await listAuditLog(db, team.admin, query({ action, to: "2026-03-09" }))).rows.map((row) => row.metadata.n)).toEqual(["before"]);
    } finally {
      await db.update(profiles).set({ timeZone: "UTC" }).where(eq(profiles.userId, team.admin.id));
    }
  });

  it("pages by keyset without repeating or skipping a row, even among rows of the same microsecond", async () => {
    const action = uniqueAction("keyset");
    const same = new Date("2026-05-01T12:00:00.000Z");
    // 130 rows: 70 sharing one instant (one transaction's now()), 60 spread over microseconds a JS Date cannot hold.
    await insertRows(Array.from({ length: 70 }, (_, i) => ({ action, createdAt: same, metadata: { i } })));
    await db.execute(
      sql`insert into audit_logs (action, target_type, metadata, created_at)
        select ${action}, 'user', jsonb_build_object('i', 70 + g), timestamptz '2026-05-01 12:00:00.000100+00' + g * interval '1 microsecond'
        from generate_series(0, 59) g`,
    );
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditLog(db, team.admin, query({ action, cursor }));
      seen.push(...page.rows.map((row) => row.id));
      expect(page.rows.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(130);
    expect(seen).toHaveLength(130);
  });

  it("drops filters it cannot read instead of failing, and reads no cursor it did not write", () => {
    expect(query({ action: "DROP TABLE", targetType: "x'; --", from: "2026-02-30", to: "yesterday", actor: "a\u0000b", cursor: "garbage" })).toEqual({
      action: undefined,
      targetType: undefined,
      from: undefined,
      to: undefined,
      actor: undefined,
      target: undefined,
      cursor: undefined,
    });
    const cursor = { at: "2026-05-01T12:00:00.000123Z", id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(Buffer.from("2026-05-01|1; drop table users").toString("base64url"))).toBeUndefined();
  });

  it("offers the actions and target types the log holds", async () => {
    const action = uniqueAction("options");
    await insertRows([{ action, targetType: "announcement" }]);
    const options = await auditFilterOptions(db, team.admin);
    expect(options.actions).toContain(action);
    expect(options.actions).toContain("user.created");
    expect(options.targetTypes).toEqual(expect.arrayContaining(["announcement", "user"]));
    expect(options.actions).toEqual([...options.actions].sort());
  });

  it.each(["student", "teacher", "rep"] as const)("refuses a %s", async (who) => {
    const actor: Actor = team[who];
    await expect(listAuditLog(db, actor, query({}))).rejects.toMatchObject({ code: "forbidden" });
    await expect(auditFilterOptions(db, actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});
