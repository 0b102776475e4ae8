import { expect, it } from "vitest";
import { assignmentIn, createTeam, localIn, must, ref, writingInput } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { listAssignmentQueue } from "./queries";
import { requestAssignment } from "./request-assignment";
import { respondToOffer } from "./respond-to-offer";

// Its own file, so the queue holds only this test's requests.
it("lists requests waiting for a teacher oldest first, flags close due dates, and counts declines", async () => {
  const db = await testDb();
  const team = await createTeam(db);
  const first = must(await requestAssignment(db, team.student, writingInput({ dueAt: localIn(12) }), team.files));
  const second = await assignmentIn(db, team, "assigned");
  must(await respondToOffer(db, team.teacher, { ...(await ref(db, second.id)), decision: "decline", reason: "No time" }));
  await assignmentIn(db, team, "in_progress");
  await assignmentIn(db, team, "cancelled");

  const queue = await listAssignmentQueue(db, team.rep);
  expect(queue.items.map((i) => [i.id, i.dueSoon, i.overdue, i.declines, i.studentName])).toEqual([
    [first.assignmentId, true, false, 0, "Liam Student"],
    [second.id, false, false, 1, "Liam Student"],
  ]);
  expect(queue.total).toBe(2);
  await expect(listAssignmentQueue(db, team.teacher)).rejects.toMatchObject({ code: "forbidden" });
  await expect(listAssignmentQueue(db, team.student)).rejects.toMatchObject({ code: "forbidden" });
});
