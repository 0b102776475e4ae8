import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentEvents, assignments, auditLogs, notifications, teacherAssignments } from "@/db/schema";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/fixtures";
import { assignTeachers } from "./assign-teachers";
import { removeHelper } from "./remove-helper";

const typesFor = async (db: Awaited<ReturnType<typeof testDb>>, userId: string) =>
  (await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt))).map((n) => n.type).filter((t) => t.startsWith("assignment."));

const liveRows = async (db: Awaited<ReturnType<typeof testDb>>, assignmentId: string) =>
  (await db.select().from(teacherAssignments).where(eq(teacherAssignments.assignmentId, assignmentId))).filter((r) => r.status === "pending" || r.status === "accepted");

describe("assigning teachers", () => {
  it("offers the request to a primary teacher with helpers, audits it and tells the primary and the student", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    const result = must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.teacher.id, helperIds: [team.helper.id] }));
    expect(result).toEqual({ version: 2, status: "assigned" });
    expect((await liveRows(db, id)).map((r) => [r.teacherId, r.role, r.status]).sort()).toEqual(
      [[team.teacher.id, "primary", "pending"], [team.helper.id, "helper", "pending"]].sort(),
    );
    expect(await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, id), eq(assignmentEvents.toStatus, "assigned")))).toMatchObject([
      { fromStatus: "submitted", actorId: team.rep.id, note: "Primary teacher assigned" },
    ]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "assignment.teachers_assigned")))).toHaveLength(1);
    expect(await typesFor(db, team.teacher.id)).toEqual(["assignment.offered"]);
    expect(await typesFor(db, team.student.id)).toEqual(["assignment.assigned"]);
    // The helper cannot open the assignment before the primary accepts, so hears nothing yet.
    expect(await typesFor(db, team.helper.id)).toEqual([]);
  });

  it("reassigns the primary after work started: the old one is removed and told, the new one gets the offer", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    const other = await createStaff(db, team.admin, "teacher", "Otto Other");
    const result = must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: other.id }));
    expect(result.status).toBe("assigned");
    expect((await liveRows(db, id)).map((r) => [r.teacherId, r.status])).toEqual([[other.id, "pending"]]);
    expect(await typesFor(db, team.teacher.id)).toContain("assignment.unassigned");
    expect(await typesFor(db, other.id)).toEqual(["assignment.offered"]);
    const [step] = await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, id), eq(assignmentEvents.fromStatus, "in_progress")));
    expect(step).toMatchObject({ toStatus: "assigned", note: "Primary teacher changed" });
  });

  it("adds a helper to accepted work, who is told at once, and removes them again", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    expect(must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), helperIds: [team.helper.id] })).status).toBe("in_progress");
    expect(await typesFor(db, team.helper.id)).toEqual(["assignment.helper_added"]);

    must(await removeHelper(db, team.rep, { ...(await ref(db, id)), teacherId: team.helper.id }));
    expect((await liveRows(db, id)).map((r) => r.teacherId)).toEqual([team.teacher.id]);
    expect(await typesFor(db, team.helper.id)).toEqual(["assignment.helper_added", "assignment.unassigned"]);
    expect(await removeHelper(db, team.rep, { ...(await ref(db, id)), teacherId: team.helper.id })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "This teacher is not a helper on this assignment",
    });
  });

  it("promotes a helper to primary without leaving them on the assignment twice", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned", { helper: true });
    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.helper.id }));
    expect((await liveRows(db, id)).map((r) => [r.teacherId, r.role])).toEqual([[team.helper.id, "primary"]]);
  });

  it("refuses helpers without a primary, non-teachers, a no-op, and delivered work", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    expect(await assignTeachers(db, team.rep, { ...(await ref(db, id)), helperIds: [team.helper.id] })).toMatchObject({ ok: false, fieldErrors: { primaryTeacherId: ["Choose a primary teacher"] } });
    expect(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.rep.id })).toMatchObject({ ok: false, fieldErrors: { primaryTeacherId: ["Choose an active teacher from the list"] } });
    expect(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.teacher.id, helperIds: [team.teacher.id] })).toMatchObject({
      ok: false,
      fieldErrors: { helperIds: ["The primary teacher cannot also be a helper"] },
    });
    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.teacher.id }));
    expect(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.teacher.id })).toMatchObject({ ok: false, code: "invalid" });

    const delivered = await assignmentIn(db, team, "delivered");
    expect(await assignTeachers(db, team.rep, { ...(await ref(db, delivered.id)), primaryTeacherId: team.helper.id })).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/delivered/),
    });
  });

  it("refuses a stale form and changes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    const stale = await ref(db, id);
    must(await assignTeachers(db, team.admin, { ...stale, primaryTeacherId: team.teacher.id }));
    const result = await assignTeachers(db, team.rep, { ...stale, primaryTeacherId: team.helper.id });
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/changed since you opened it \(it is now Teacher assigned\)/) });
    expect((await liveRows(db, id)).map((r) => r.teacherId)).toEqual([team.teacher.id]);
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    expect(row?.version).toBe(stale.expectedVersion + 1);
  });

  it("is refused to students and teachers", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    const input = { ...(await ref(db, id)), primaryTeacherId: team.teacher.id };
    await expect(assignTeachers(db, team.student, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignTeachers(db, team.teacher, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeHelper(db, team.teacher, { ...input, teacherId: team.helper.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
