import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database, Executor } from "@/db/client";
import { testDb } from "@/test/db";
import { ringAudience } from "./audience";
import { createAnnouncement } from "./create-announcement";
import { announcementTeam, bellsOf, insertPeople, type Team } from "./test-helpers";

let db: Database;
let team: Team;

beforeAll(async () => {
  db = await testDb();
  team = await announcementTeam(db);
});

/** Wraps an executor and counts every statement sent through it. */
function counting(tx: Executor): { executor: Executor; calls: string[] } {
  const calls: string[] = [];
  const executor = new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { executor, calls };
}

describe("the fan-out of bells", () => {
  it("rings a few hundred students in one INSERT … SELECT, leaving out blocked ones and other roles", async () => {
    const students = await insertPeople(db, "student", 400);
    const blocked = await insertPeople(db, "student", 25, "blocked");
    await insertPeople(db, "teacher", 30);
    const [{ total } = { total: 0 }] = (await db.execute<{ total: number }>(sql`select count(*)::int as total from users where role = 'student' and status = 'active'`)).rows;

    const created = await createAnnouncement(db, team.admin, { title: "Library hours", body: "Open late.", timeZone: "UTC", audience: "students", publish: "later", publishAtLocal: "2999-01-01T00:00" });
    const id = created.ok ? created.data.announcementId : "";
    const { executor, calls } = counting(db);
    const rang = await ringAudience(executor, { id, audience: "students" }, { title: "Library hours", body: "New announcement", link: `/announcements#announcement-${id}` });

    expect(calls).toEqual(["execute"]);
    expect(rang).toBe(total);
    expect(rang).toBeGreaterThanOrEqual(402);
    const bells = new Set(await bellsOf(db, id));
    expect(bells.size).toBe(total);
    for (const student of students) expect(bells.has(student)).toBe(true);
    for (const student of blocked) expect(bells.has(student)).toBe(false);
    expect(bells.has(team.teacher.id)).toBe(false);
  });

  it("publishing to everyone takes one statement for the bells however many people there are", async () => {
    await insertPeople(db, "student", 300);
    const [{ total } = { total: 0 }] = (await db.execute<{ total: number }>(sql`select count(*)::int as total from users where status = 'active'`)).rows;
    const result = await createAnnouncement(db, team.admin, { title: "Closed Friday", body: "Office closed.", timeZone: "UTC", audience: "everyone" });
    expect(result).toMatchObject({ ok: true, data: { published: true, notified: total } });
    const id = result.ok ? result.data.announcementId : "";
    expect(await bellsOf(db, id)).toHaveLength(total);
  });
});
