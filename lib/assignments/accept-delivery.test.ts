import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentEvents, assignments, auditLogs, notifications } from "@/db/schema";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { acceptDelivery } from "./accept-delivery";
import { requestRevision } from "./request-revision";

type Db = Awaited<ReturnType<typeof testDb>>;
const typesFor = async (db: Db, userId: string) => (await db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.type);

describe("the student reviewing a delivery", () => {
  it("accepting completes the assignment and tells the teachers who worked on it", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered", { helper: true });
    expect(must(await acceptDelivery(db, team.student, await ref(db, id))).status).toBe("completed");
    expect(await typesFor(db, team.teacher.id)).toContain("assignment.completed");
    expect(await typesFor(db, team.helper.id)).toContain("assignment.completed");
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "assignment.delivery_accepted")))).toHaveLength(1);
    expect(await acceptDelivery(db, team.student, await ref(db, id))).toMatchObject({ ok: false, code: "conflict", message: "This assignment is completed" });
  });

  it("asking for a revision sends it back to the teacher with the comments on the timeline", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered");
    must(await requestRevision(db, team.student, { ...(await ref(db, id)), comments: "Please cite the 2019 study." }));
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    expect(row?.status).toBe("revision_requested");
    const [event] = await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, id), eq(assignmentEvents.toStatus, "revision_requested")));
    expect(event).toMatchObject({ fromStatus: "delivered", actorId: team.student.id, note: "Please cite the 2019 study." });
    const [note] = (await db.select().from(notifications).where(eq(notifications.userId, team.teacher.id))).filter((n) => n.type === "assignment.revision_requested");
    expect(note).toMatchObject({ body: "Please cite the 2019 study.", link: `/teacher/assignments/${id}` });
  });

  it("refuses a review when nothing is delivered, and hides other students' assignments", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    expect(await acceptDelivery(db, team.student, await ref(db, id))).toMatchObject({ ok: false, message: "There is no delivery waiting for your review" });
    const delivered = await assignmentIn(db, team, "delivered");
    const stranger = await createStudent(db, "Stranger Student");
    expect(await acceptDelivery(db, stranger, await ref(db, delivered.id))).toMatchObject({ ok: false, code: "not_found" });
    expect(await requestRevision(db, stranger, { ...(await ref(db, delivered.id)), comments: "Change everything" })).toMatchObject({ ok: false, code: "not_found" });
    await expect(acceptDelivery(db, team.teacher, await ref(db, delivered.id))).rejects.toMatchObject({ code: "forbidden" });
  });
});
