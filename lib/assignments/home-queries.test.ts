import { describe, expect, it } from "vitest";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { countAssignmentQueue, getStudentHome, getTeacherHome } from "./home-queries";

describe("home pages", () => {
  it("shows a student the deliveries waiting for their review and their latest requests, never anyone else's", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const delivered = await assignmentIn(db, team, "delivered");
    const submitted = await assignmentIn(db, team, "submitted");
    await assignmentIn(db, team, "completed");
    const stranger = await createStudent(db, "Stranger");

    const home = await getStudentHome(db, team.student);
    expect(home.toReview.map((row) => row.id)).toEqual([delivered.id]);
    expect(home.recent).toHaveLength(3);
    expect(home.recent.map((row) => row.id)).toContain(submitted.id);
    expect(home.openCount).toBe(2);
    expect(await getStudentHome(db, stranger)).toEqual({ toReview: [], recent: [], openCount: 0 });
  });

  it("shows a teacher their offers to answer, the revisions asked of them and their accepted work, and nothing of another teacher", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const offered = await assignmentIn(db, team, "assigned");
    const working = await assignmentIn(db, team, "in_progress");
    const revision = await assignmentIn(db, team, "revision_requested");
    await assignmentIn(db, team, "completed");

    const home = await getTeacherHome(db, team.teacher);
    expect(home.offers.map((row) => row.id)).toEqual([offered.id]);
    expect(home.revisions.map((row) => row.id)).toEqual([revision.id]);
    expect(home.dueSoon.map((row) => row.id)).toEqual([working.id]);

    const other = await createStaff(db, team.admin, "teacher", "Other Teacher");
    expect(await getTeacherHome(db, other)).toEqual({ offers: [], revisions: [], dueSoon: [] });
    await expect(getTeacherHome(db, team.student)).rejects.toThrow();
  });

  it("counts the requests waiting for a teacher for staff only", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const before = await countAssignmentQueue(db, team.rep);
    await assignmentIn(db, team, "submitted");
    await assignmentIn(db, team, "assigned");
    expect(await countAssignmentQueue(db, team.rep)).toBe(before + 1);
    await expect(countAssignmentQueue(db, team.student)).rejects.toThrow();
  });
});
