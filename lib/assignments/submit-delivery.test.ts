import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assignmentEvents, assignmentFiles, assignments, auditLogs, deliveries, notifications } from "@/db/schema";
import { assignmentIn, createTeam, examInput, homeworkInput, localIn, must, pdfFile, ref, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { cancelAssignment } from "./cancel-assignment";
import { listDeliveries } from "./detail-queries";
import { requestRevision } from "./request-revision";
import { submitDelivery } from "./submit-delivery";

afterEach(() => vi.useRealTimers());

describe("delivering work", () => {
  it("delivers a paper as version 1, tells the student, and keeps the files with the delivery", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    const result = must(await submitDelivery(db, team.teacher, { ...(await ref(db, id)), notes: "Sources in the appendix", files: [pdfFile("final.pdf")] }, team.files));
    expect(result).toMatchObject({ deliveryVersion: 1, late: false });
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    expect(row).toMatchObject({ status: "delivered", version: result.version });
    const files = await db.select().from(assignmentFiles).where(eq(assignmentFiles.deliveryId, result.deliveryId));
    expect(files).toMatchObject([{ kind: "delivery", displayName: "final.pdf", uploadedBy: team.teacher.id }]);
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "assignment.delivered")));
    expect(notes).toMatchObject([{ link: `/student/assignments/${id}` }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "assignment.delivered")))).toHaveLength(1);
  });

  it("keeps a homework solution exactly as written, code and math included", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress", { input: homeworkInput() });
    const solution = "\tdef f(x):\n        return x < 2 and x > -1  # ok\n\n$$\\frac{a}{b} \\le c$$\n  ";
    const result = must(await submitDelivery(db, team.teacher, { ...(await ref(db, id)), textSolution: solution }, team.files));
    const [row] = await db.select().from(deliveries).where(eq(deliveries.id, result.deliveryId));
    expect(row?.textSolution).toBe(solution);
  });

  it("asks each service for its own content: the paper, a solution, an exam result", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const writing = await assignmentIn(db, team, "in_progress");
    expect(await submitDelivery(db, team.teacher, { ...(await ref(db, writing.id)), notes: "see attached" }, team.files)).toMatchObject({ ok: false, fieldErrors: { files: ["Attach the paper"] } });
    const homework = await assignmentIn(db, team, "in_progress", { input: homeworkInput() });
    expect(await submitDelivery(db, team.teacher, { ...(await ref(db, homework.id)), textSolution: "   " }, team.files)).toMatchObject({ ok: false, code: "invalid" });
    const exam = await assignmentIn(db, team, "in_progress", { input: examInput() });
    expect(await submitDelivery(db, team.teacher, { ...(await ref(db, exam.id)), notes: "went well" }, team.files)).toMatchObject({ ok: false, fieldErrors: { examScore: ["Enter the score or the outcome"] } });
    const done = must(await submitDelivery(db, team.teacher, { ...(await ref(db, exam.id)), examScore: "92/100", examOutcome: "Passed" }, team.files));
    expect((await db.select().from(deliveries).where(eq(deliveries.id, done.deliveryId)))[0]).toMatchObject({ examScore: "92/100", examOutcome: "Passed" });
    // Only the three briefs: the refused deliveries left nothing behind.
    expect(team.files.storedFiles()).toHaveLength(3);
  });

  it("marks a delivery after the due date as late, by the server's clock", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress", { input: homeworkInput({ dueAt: localIn(1), timeZone: "UTC" }) });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    const result = must(await submitDelivery(db, team.teacher, { ...(await ref(db, id)), textSolution: "x = 1" }, team.files));
    expect(result.late).toBe(true);
    const [event] = await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.assignmentId, id), eq(assignmentEvents.toStatus, "delivered")));
    expect(event?.note).toBe("Version 1 (late)");
  });

  it("after a revision request, delivers version 2 through in_progress, keeping version 1 visible", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "revision_requested");
    const second = must(await submitDelivery(db, team.teacher, { ...(await ref(db, id)), notes: "Section 2 expanded", files: [pdfFile("final-v2.pdf")] }, team.files));
    expect(second.deliveryVersion).toBe(2);
    const events = await db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, id)).orderBy(asc(assignmentEvents.id));
    expect(events.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
      "null→submitted", "submitted→assigned", "assigned→in_progress", "in_progress→delivered",
      "delivered→revision_requested", "revision_requested→in_progress", "in_progress→delivered",
    ]);
    const versions = await listDeliveries(db, team.student, id);
    expect(versions.map((v) => [v.version, v.files.map((f) => f.name)])).toEqual([[2, ["final-v2.pdf"]], [1, ["paper.pdf"]]]);
    expect(await requestRevision(db, team.student, { ...(await ref(db, id)), comments: "ok" })).toMatchObject({ ok: false, fieldErrors: { comments: expect.any(Array) } });
  });

  it("refuses delivering before accepting, by a helper, twice, or on a cancelled assignment, and stores no files", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const pending = await assignmentIn(db, team, "assigned");
    const helped = await assignmentIn(db, team, "in_progress", { helper: true });
    const delivered = await assignmentIn(db, team, "delivered");
    const cancelled = await assignmentIn(db, team, "in_progress");
    must(await cancelAssignment(db, team.rep, await ref(db, cancelled.id)));
    const before = team.files.storedFiles().length;

    const deliver = async (actor: typeof team.teacher, id: string) => submitDelivery(db, actor, { ...(await ref(db, id)), files: [textFile()] }, team.files);
    expect(await deliver(team.teacher, pending.id)).toMatchObject({ ok: false, code: "conflict", message: "Accept the offer before delivering" });
    expect(await deliver(team.helper, helped.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deliver(team.teacher, delivered.id)).toMatchObject({ ok: false, message: "Only work in progress can be delivered" });
    expect(await deliver(team.teacher, cancelled.id)).toMatchObject({ ok: false, message: "This assignment was cancelled" });
    expect(team.files.storedFiles()).toHaveLength(before);
    expect(await db.select().from(deliveries).where(eq(deliveries.assignmentId, pending.id))).toEqual([]);
  });
});
