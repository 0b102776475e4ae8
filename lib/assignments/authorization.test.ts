import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentFiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";
import { assignmentIn, createTeam, must, ref, textFile, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { acceptDelivery } from "./accept-delivery";
import { addBriefFiles } from "./add-brief-files";
import { assignTeachers } from "./assign-teachers";
import { cancelAssignment } from "./cancel-assignment";
import { getAssignmentDetail, getTimeline, listDeliveries } from "./detail-queries";
import { editRequest } from "./edit-request";
import { extendDueDate } from "./extend-due-date";
import { getFileForDownload } from "./get-file-for-download";
import { listAssignmentsForActor } from "./queries";
import { requestRevision } from "./request-revision";
import { respondToOffer } from "./respond-to-offer";
import { assignmentListQuerySchema } from "./schemas";
import { submitDelivery } from "./submit-delivery";

type Db = Awaited<ReturnType<typeof testDb>>;

/** Every way an actor can reach one assignment: each must answer not found, with nothing leaked. */
async function expectInvisible(db: Db, team: Team, actor: Actor, assignmentId: string, services: "student" | "teacher") {
  const form = await ref(db, assignmentId);
  const results: ServiceResult<unknown>[] =
    services === "student"
      ? [
          await editRequest(db, actor, { ...form, instructions: "Changed by someone else entirely" }),
          await addBriefFiles(db, actor, { ...form, files: [textFile()] }, team.files),
          await cancelAssignment(db, actor, form),
          await acceptDelivery(db, actor, form),
          await requestRevision(db, actor, { ...form, comments: "Redo all of it" }),
        ]
      : [
          await respondToOffer(db, actor, { ...form, decision: "accept" }),
          await respondToOffer(db, actor, { ...form, decision: "decline", reason: "Not mine" }),
          await submitDelivery(db, actor, { ...form, textSolution: "x", files: [textFile()] }, team.files),
        ];
  for (const result of results) expect(result).toEqual({ ok: false, code: "not_found", message: "Assignment not found", fieldErrors: {} });
  for (const read of [getAssignmentDetail, getTimeline, listDeliveries]) await expect(read(db, actor, assignmentId)).rejects.toMatchObject({ code: "not_found" });
  for (const file of await db.select().from(assignmentFiles).where(eq(assignmentFiles.assignmentId, assignmentId))) {
    expect(await getFileForDownload(db, actor, file.id, team.files)).toMatchObject({ ok: false, code: "not_found" });
  }
  const list = await listAssignmentsForActor(db, actor, assignmentListQuerySchema.parse({}));
  expect(list.items.map((i) => i.id)).not.toContain(assignmentId);
}

describe("who can reach an assignment", () => {
  it("another student reaches none of a student's assignments, files or deliveries", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const stranger = await createStudent(db, "Stranger Student");
    for (const status of ["submitted", "delivered"] as const) {
      const { id } = await assignmentIn(db, team, status);
      await expectInvisible(db, team, stranger, id, "student");
    }
  });

  it("a teacher not on the assignment, or removed from it, reaches nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const outsider = await createStaff(db, team.admin, "teacher", "Outside Teacher");
    const { id } = await assignmentIn(db, team, "in_progress");
    await expectInvisible(db, team, outsider, id, "teacher");
    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: outsider.id }));
    await expectInvisible(db, team, team.teacher, id, "teacher");
  });

  it("a helper reaches nothing until the primary has accepted", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned", { helper: true });
    await expectInvisible(db, team, team.helper, id, "teacher");
    must(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "accept" }));
    expect((await getAssignmentDetail(db, team.helper, id)).assignment.id).toBe(id);
  });

  it("refuses each role the moves that are not theirs as forbidden, before looking anything up", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered");
    const form = await ref(db, id);
    const forbidden = [
      () => assignTeachers(db, team.student, { ...form, primaryTeacherId: team.teacher.id }),
      () => extendDueDate(db, team.teacher, { ...form, dueAt: "2099-01-01T00:00", timeZone: "UTC" }),
      () => cancelAssignment(db, team.teacher, form),
      () => respondToOffer(db, team.rep, { ...form, decision: "accept" }),
      () => submitDelivery(db, team.admin, { ...form, textSolution: "x" }, team.files),
      () => acceptDelivery(db, team.rep, form),
      () => editRequest(db, team.teacher, { ...form, instructions: "Teachers cannot edit the brief" }),
    ];
    for (const call of forbidden) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
  });
});
