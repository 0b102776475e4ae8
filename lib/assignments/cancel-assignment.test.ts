import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentEvents, auditLogs, notifications } from "@/db/schema";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { cancelAssignment } from "./cancel-assignment";

describe("cancelling", () => {
  it("lets the student cancel before work starts, telling the offered teacher", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned");
    expect(must(await cancelAssignment(db, team.student, { ...(await ref(db, id)), reason: "Found the answer myself" })).status).toBe("cancelled");
    expect(await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, id), eq(assignmentEvents.toStatus, "cancelled")))).toMatchObject([
      { fromStatus: "assigned", actorId: team.student.id, note: "Found the answer myself" },
    ]);
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, team.teacher.id), eq(notifications.type, "assignment.cancelled")));
    expect(notes).toHaveLength(1);
    expect(await cancelAssignment(db, team.student, await ref(db, id))).toMatchObject({ ok: false, message: "This assignment was cancelled" });
  });

  it("does not let the student cancel work in progress, but lets staff, telling the student", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered");
    expect(await cancelAssignment(db, team.student, await ref(db, id))).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/Work has started/) });
    must(await cancelAssignment(db, team.admin, { ...(await ref(db, id)), reason: "Duplicate request" }));
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "assignment.cancelled")));
    expect(notes).toMatchObject([{ body: "Duplicate request", link: `/student/assignments/${id}` }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "assignment.cancelled")))).toMatchObject([
      { actorId: team.admin.id, metadata: expect.objectContaining({ by: "staff", from: "delivered" }) },
    ]);
  });

  it("refuses completed work, another student's request, and teachers", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const completed = await assignmentIn(db, team, "completed");
    expect(await cancelAssignment(db, team.rep, await ref(db, completed.id))).toMatchObject({ ok: false, message: "This assignment is completed" });
    const open = await assignmentIn(db, team, "submitted");
    const stranger = await createStudent(db, "Stranger Student");
    expect(await cancelAssignment(db, stranger, await ref(db, open.id))).toMatchObject({ ok: false, code: "not_found" });
    await expect(cancelAssignment(db, team.teacher, await ref(db, open.id))).rejects.toMatchObject({ code: "forbidden" });
  });
});
