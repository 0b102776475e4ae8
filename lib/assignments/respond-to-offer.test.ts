import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentEvents, assignments, notifications, teacherAssignments } from "@/db/schema";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { cancelAssignment } from "./cancel-assignment";
import { getAssignmentDetail } from "./detail-queries";
import { listTeacherAssignments } from "./queries";
import { respondToOffer } from "./respond-to-offer";
import { teacherListQuerySchema } from "./schemas";

type Db = Awaited<ReturnType<typeof testDb>>;
const assignmentTypes = async (db: Db, userId: string) =>
  (await db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.type).filter((t) => t.startsWith("assignment."));
const statusOf = async (db: Db, id: string) => (await db.select().from(assignments).where(eq(assignments.id, id)))[0]?.status;

describe("a teacher answering an offer", () => {
  it("accepting as primary starts the work, tells the student, and opens the assignment to helpers", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned", { helper: true });
    await expect(getAssignmentDetail(db, team.helper, id)).rejects.toMatchObject({ code: "not_found" });
    const offers = (actor = team.helper) => listTeacherAssignments(db, actor, teacherListQuerySchema.parse({ tab: "offers" }));
    expect((await offers()).items).toEqual([]);

    expect(must(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "accept" }))).toMatchObject({ status: "in_progress" });
    const [row] = await db.select().from(teacherAssignments).where(and(eq(teacherAssignments.assignmentId, id), eq(teacherAssignments.teacherId, team.teacher.id)));
    expect(row).toMatchObject({ status: "accepted", respondedAt: expect.any(Date) });
    expect(await assignmentTypes(db, team.student.id)).toContain("assignment.accepted");
    expect(await assignmentTypes(db, team.helper.id)).toEqual(["assignment.helper_added"]);
    expect((await getAssignmentDetail(db, team.helper, id)).assignment.id).toBe(id);
    expect((await offers()).items.map((i) => [i.id, i.myRole])).toEqual([[id, "helper"]]);
  });

  it("a helper's answer is recorded without moving the assignment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress", { helper: true });
    const result = must(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "decline", reason: "Fully booked this week" }));
    expect(result.status).toBe("in_progress");
    expect(await assignmentTypes(db, team.rep.id)).toContain("assignment.declined");
    await expect(getAssignmentDetail(db, team.helper, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("declining as primary needs a reason, returns the request to the queue and tells the CS reps", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned");
    expect(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "decline" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: ["Tell us why you are declining"] },
    });
    must(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "decline", reason: "Not my field" }));
    expect(await statusOf(db, id)).toBe("submitted");
    expect(await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, id), eq(assignmentEvents.toStatus, "submitted"), eq(assignmentEvents.fromStatus, "assigned")))).toMatchObject([
      { actorId: team.teacher.id, note: "Not my field" },
    ]);
    const [note] = (await db.select().from(notifications).where(eq(notifications.userId, team.rep.id))).filter((n) => n.type === "assignment.declined");
    expect(note).toMatchObject({ body: "Not my field", link: `/support/assignments/${id}` });
    // Having declined, the teacher no longer sees it.
    await expect(getAssignmentDetail(db, team.teacher, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses accepting twice, and answering an offer on a cancelled request", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    expect(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "accept" })).toEqual({
      ok: false,
      code: "conflict",
      message: "You have already accepted this assignment",
      fieldErrors: {},
    });

    const other = await assignmentIn(db, team, "assigned");
    const form = await ref(db, other.id);
    must(await cancelAssignment(db, team.student, form));
    expect(await respondToOffer(db, team.teacher, { ...form, decision: "accept" })).toMatchObject({ ok: false, message: "This assignment was cancelled" });
    expect(await statusOf(db, other.id)).toBe("cancelled");
  });

  it("answers a teacher who was not offered the assignment with not found", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned");
    expect(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "accept" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await respondToOffer(db, team.teacher, { assignmentId: "not-a-uuid", expectedVersion: 1, decision: "accept" })).toMatchObject({ ok: false, code: "not_found" });
    await expect(respondToOffer(db, team.student, { ...(await ref(db, id)), decision: "accept" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
