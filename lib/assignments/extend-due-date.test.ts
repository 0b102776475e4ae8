import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assignments, auditLogs, notifications } from "@/db/schema";
import { assignmentIn, createTeam, homeworkInput, localIn, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { extendDueDate } from "./extend-due-date";
import { submitDelivery } from "./submit-delivery";

afterEach(() => vi.useRealTimers());

describe("extending a due date", () => {
  it("moves the deadline, audits old and new, and tells the student and the teachers", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress", { input: homeworkInput({ dueAt: localIn(1), timeZone: "UTC" }) });
    const [before] = await db.select().from(assignments).where(eq(assignments.id, id));
    const result = must(await extendDueDate(db, team.rep, { ...(await ref(db, id)), dueAt: "2099-05-01T12:00", timeZone: "Europe/Berlin", reason: "Student was ill" }));
    expect(result.dueAt.toISOString()).toBe("2099-05-01T10:00:00.000Z");
    const [audit] = await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "assignment.due_date_extended")));
    expect(audit?.metadata).toMatchObject({ from: before?.dueAt.toISOString(), to: "2099-05-01T10:00:00.000Z", reason: "Student was ill" });
    for (const userId of [team.student.id, team.teacher.id]) {
      const notes = await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, "assignment.due_date_extended")));
      // The moment is stored as data and shown in each reader's own zone when read.
      expect(notes).toMatchObject([{ title: expect.stringContaining("has a new due date"), body: "Student was ill", data: { dueAt: "2099-05-01T10:00:00.000Z" } }]);
    }
    // Two hours on, past the old deadline, the delivery is on time.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    expect(must(await submitDelivery(db, team.teacher, { ...(await ref(db, id)), textSolution: "x" }, team.files)).late).toBe(false);
  });

  it("refuses an earlier date, a closed assignment, and anyone but staff", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    expect(await extendDueDate(db, team.admin, { ...(await ref(db, id)), dueAt: localIn(2), timeZone: "UTC" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dueAt: [expect.stringMatching(/after the current due date/)] },
    });
    expect(await extendDueDate(db, team.admin, { ...(await ref(db, id)), dueAt: "2001-01-01T00:00", timeZone: "UTC" })).toMatchObject({ ok: false, fieldErrors: { dueAt: ["Choose a time in the future"] } });
    const done = await assignmentIn(db, team, "completed");
    expect(await extendDueDate(db, team.admin, { ...(await ref(db, done.id)), dueAt: "2099-01-01T00:00", timeZone: "UTC" })).toMatchObject({ ok: false, message: "This assignment is completed" });
    await expect(extendDueDate(db, team.teacher, { ...(await ref(db, id)), dueAt: "2099-01-01T00:00", timeZone: "UTC" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(extendDueDate(db, team.student, { ...(await ref(db, id)), dueAt: "2099-01-01T00:00", timeZone: "UTC" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
