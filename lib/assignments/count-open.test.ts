import { expect, it } from "vitest";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { countOpenAssignmentsForActor } from "./queries";

it("counts a student's open requests, not finished ones nor anyone else's", async () => {
  const db = await testDb();
  const team = await createTeam(db);
  await assignmentIn(db, team, "submitted");
  await assignmentIn(db, team, "in_progress");
  await assignmentIn(db, team, "completed");
  await assignmentIn(db, team, "cancelled");
  const stranger = await createStudent(db, "Stranger");
  expect(await countOpenAssignmentsForActor(db, team.student)).toBe(2);
  expect(await countOpenAssignmentsForActor(db, stranger)).toBe(0);
  expect(await countOpenAssignmentsForActor(db, team.rep)).toBe(2);
});
