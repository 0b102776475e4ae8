import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments } from "@/db/schema";
import { listTeacherAssignments } from "@/lib/assignments/queries";
import { teacherListQuerySchema } from "@/lib/assignments/schemas";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/fixtures";
import { getTeacherDashboard } from "./teacher";

const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

describe("the teacher dashboard", () => {
  it("counts the teacher's own offers, work due within 48 hours and revisions, never another teacher's", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStaff(db, team.admin, "teacher", "Other Teacher");
    expect(await getTeacherDashboard(db, team.teacher)).toEqual({ offersWaiting: 0, dueWithin48Hours: 0, inRevision: 0 });

    await assignmentIn(db, team, "assigned");
    await assignmentIn(db, team, "assigned");
    const dueSoon = await assignmentIn(db, team, "in_progress");
    const overdue = await assignmentIn(db, team, "in_progress");
    await assignmentIn(db, team, "in_progress");
    const revision = await assignmentIn(db, team, "revision_requested");
    await assignmentIn(db, team, "delivered");
    await assignmentIn(db, team, "submitted");
    // The same states for another teacher.
    const theirs = { ...team, teacher: other };
    await assignmentIn(db, theirs, "assigned");
    const theirSoon = await assignmentIn(db, theirs, "in_progress");
    await assignmentIn(db, theirs, "revision_requested");
    await db.update(assignments).set({ dueAt: hours(24) }).where(eq(assignments.id, dueSoon.id));
    await db.update(assignments).set({ dueAt: hours(-2) }).where(eq(assignments.id, overdue.id));
    await db.update(assignments).set({ dueAt: hours(300) }).where(eq(assignments.id, revision.id));
    await db.update(assignments).set({ dueAt: hours(10) }).where(eq(assignments.id, theirSoon.id));

    const dashboard = await getTeacherDashboard(db, team.teacher);
    expect(dashboard).toEqual({ offersWaiting: 2, dueWithin48Hours: 2, inRevision: 1 });
    expect(await getTeacherDashboard(db, other)).toEqual({ offersWaiting: 1, dueWithin48Hours: 1, inRevision: 1 });

    // Each count is the total of the list it links to.
    const total = async (input: Record<string, string>) => (await listTeacherAssignments(db, team.teacher, teacherListQuerySchema.parse(input))).total;
    expect(await total({ tab: "offers" })).toBe(dashboard.offersWaiting);
    expect(await total({ tab: "active", filter: "due-48h" })).toBe(dashboard.dueWithin48Hours);
    expect(await total({ tab: "active", filter: "revision" })).toBe(dashboard.inRevision);
    // The filter narrows the Active tab only.
    expect(await total({ tab: "active" })).toBe(4);
    expect(await total({ tab: "offers", filter: "revision" })).toBe(2);
  });

  it("is refused to every other role", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const actor of [team.student, team.rep, team.admin]) await expect(getTeacherDashboard(db, actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});
