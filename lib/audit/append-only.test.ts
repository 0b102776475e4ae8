import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, users } from "@/db/schema";
import { testDb } from "@/test/db";
import { createAdmin, createStaff } from "@/test/fixtures";
import { recordAudit } from "./record-audit";

async function auditOf(userId: string) {
  const db = await testDb();
  return db.select().from(auditLogs).where(eq(auditLogs.targetId, userId));
}

/** The database error under Drizzle's wrapper (its `cause`), so the test reads PostgreSQL's own message. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "not refused";
}

describe("audit rows are append-only", () => {
  it("refuses UPDATE and DELETE of an audit row, even by hand, and keeps the row as written", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const rep = await createStaff(db, admin, "cs_rep");
    const [row] = await auditOf(rep.id);
    expect(row).toMatchObject({ action: "user.created", actorId: admin.id });

    expect(await refusal(db.update(auditLogs).set({ action: "user.nothing" }).where(eq(auditLogs.id, row!.id)))).toMatch(/append-only: UPDATE is refused/);
    expect(await refusal(db.update(auditLogs).set({ metadata: {} }).where(eq(auditLogs.id, row!.id)))).toMatch(/append-only/);
    expect(await refusal(db.delete(auditLogs).where(eq(auditLogs.id, row!.id)))).toMatch(/append-only: DELETE is refused/);
    expect(await refusal(db.execute(sql`truncate audit_logs`))).toMatch(/append-only: TRUNCATE is refused/);
    // Clearing the actor by hand while the person still exists is a rewrite of history too.
    expect(await refusal(db.update(auditLogs).set({ actorId: null }).where(eq(auditLogs.id, row!.id)))).toMatch(/append-only/);

    expect(await auditOf(rep.id)).toEqual([row]);
  });

  it("still lets a person be deleted: their rows lose the actor and keep everything else", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const leaving = await createAdmin(db, "Lee Leaving");
    const rep = await createStaff(db, leaving, "cs_rep");
    const teacher = await createStaff(db, admin, "teacher");
    await db.transaction((tx) => recordAudit(tx, leaving, { action: "user.password_reset", targetType: "user", targetId: rep.id, metadata: { email: rep.email } }));
    const before = await auditOf(rep.id);
    expect(before.map((row) => row.actorId)).toEqual([leaving.id, leaving.id]);

    await db.delete(users).where(eq(users.id, leaving.id));

    const after = await auditOf(rep.id);
    expect(after).toEqual(before.map((row) => ({ ...row, actorId: null })));
    // Everyone else's rows keep their actor.
    expect((await auditOf(teacher.id)).map((row) => row.actorId)).toEqual([admin.id]);
  });
});
