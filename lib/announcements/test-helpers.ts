import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcements, auditLogs, notifications, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorOf, createAdmin } from "@/test/fixtures";

/** Many accounts at once in one statement (no password hashing per row): for audience sizes, not sign-ins. */
export async function insertPeople(db: Database, role: Role, howMany: number, status: "active" | "blocked" = "active"): Promise<string[]> {
  const tag = randomBytes(4).toString("hex");
  const rows = await db.execute<{ id: string }>(sql`
    insert into users (email, password_hash, role, status)
    select ${`bulk.${role}.${tag}.`} || n || '@example.test', 'not-a-hash', ${role}::user_role, ${status}::user_status
    from generate_series(1, ${howMany}) n
    returning id`);
  return rows.rows.map((row) => row.id);
}

/** One signed-in person per role, with a profile (and public ID), made the cheap way. */
export async function personOf(db: Database, role: Role, name: string): Promise<Actor> {
  const [id] = await insertPeople(db, role, 1);
  await db.execute(sql`insert into profiles (user_id, full_name) values (${id}, ${name})`);
  return actorOf(db, id!);
}

export type Team = { admin: Actor; student: Actor; otherStudent: Actor; teacher: Actor; rep: Actor };

export async function announcementTeam(db: Database): Promise<Team> {
  return {
    admin: await createAdmin(db),
    student: await personOf(db, "student", "Sam Student"),
    otherStudent: await personOf(db, "student", "Olive Student"),
    teacher: await personOf(db, "teacher", "Tess Teacher"),
    rep: await personOf(db, "cs_rep", "Rory Rep"),
  };
}

export async function bellsOf(db: Database, announcementId: string): Promise<string[]> {
  const rows = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.link, `/announcements#announcement-${announcementId}`));
  return rows.map((row) => row.userId);
}

export async function auditOf(db: Database, announcementId: string) {
  return db.select().from(auditLogs).where(sql`${auditLogs.targetType} = 'announcement' and ${auditLogs.targetId} = ${announcementId}`).orderBy(auditLogs.id);
}

export async function announcementRow(db: Database, id: string) {
  const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
  if (!row) throw new Error("fixture: no such announcement");
  return row;
}

export const baseForm = { title: "Exam week", body: "Rooms **change** on Monday.", timeZone: "UTC" };

export function localIn(minutes: number, from: Date = new Date()): string {
  return new Date(from.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

export const ids = (people: Actor[]) => people.map((p) => p.id).sort();
