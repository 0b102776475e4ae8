import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentEvents, assignments, deliveries, teacherAssignments } from "@/db/schema";
import type { ServiceResult } from "@/lib/errors";
import { assignmentIn, createTeam, ref, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/fixtures";
import { acceptDelivery } from "./accept-delivery";
import { assignTeachers } from "./assign-teachers";
import { cancelAssignment } from "./cancel-assignment";
import { requestRevision } from "./request-revision";
import { respondToOffer } from "./respond-to-offer";
import { submitDelivery } from "./submit-delivery";

type Db = Awaited<ReturnType<typeof testDb>>;
const ROUNDS = 4;

function exactlyOneWins(results: ServiceResult<unknown>[]) {
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const loser = results.find((r) => !r.ok);
  expect(loser).toMatchObject({ ok: false, code: "conflict" });
  return loser as Extract<ServiceResult<unknown>, { ok: false }>;
}

const eventsOf = (db: Db, id: string) => db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, id));

describe("conflicting actions at the same moment", () => {
  it("two CS reps assigning different teachers: one assignment stands, the other is told it changed", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const secondRep = await createStaff(db, team.admin, "cs_rep", "Second Rep");
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await assignmentIn(db, team, "submitted");
      const form = await ref(db, id);
      const loser = exactlyOneWins(
        await Promise.all([
          assignTeachers(db, team.rep, { ...form, primaryTeacherId: team.teacher.id }),
          assignTeachers(db, secondRep, { ...form, primaryTeacherId: team.helper.id }),
        ]),
      );
      expect(loser.message).toMatch(/changed since you opened it \(it is now Teacher assigned\)/);
      const live = (await db.select().from(teacherAssignments).where(eq(teacherAssignments.assignmentId, id))).filter((r) => r.status === "pending");
      expect(live).toHaveLength(1);
      expect(await versionAndStatus(db, id)).toEqual({ version: form.expectedVersion + 1, status: "assigned" });
    }
  });

  it("a student cancelling while the teacher accepts: one outcome, and the loser learns which", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await assignmentIn(db, team, "assigned");
      const form = await ref(db, id);
      const [cancelled, accepted] = await Promise.all([cancelAssignment(db, team.student, form), respondToOffer(db, team.teacher, { ...form, decision: "accept" })]);
      const loser = exactlyOneWins([cancelled, accepted]);
      const { status } = await versionAndStatus(db, id);
      if (cancelled.ok) {
        expect(status).toBe("cancelled");
        expect(loser.message).toBe("This assignment was cancelled");
      } else {
        expect(status).toBe("in_progress");
        expect(loser.message).toMatch(/Work has started/);
      }
      expect(await eventsOf(db, id)).toHaveLength(3);
    }
  });

  it("a double-clicked accept counts once", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned");
    const form = { ...(await ref(db, id)), decision: "accept" };
    const loser = exactlyOneWins(await Promise.all([respondToOffer(db, team.teacher, form), respondToOffer(db, team.teacher, form)]));
    expect(loser.message).toBe("You have already accepted this assignment");
    expect((await eventsOf(db, id)).filter((e) => e.toStatus === "in_progress")).toHaveLength(1);
  });

  it("two deliveries sent at once make one version, and the refused one's files are removed", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    const before = team.files.storedFiles().length;
    const form = await ref(db, id);
    const send = () => submitDelivery(db, team.teacher, { ...form, notes: "final", files: [textFile("answer.txt")] }, team.files);
    exactlyOneWins(await Promise.all([send(), send()]));
    expect(await db.select().from(deliveries).where(eq(deliveries.assignmentId, id))).toHaveLength(1);
    expect(team.files.storedFiles()).toHaveLength(before + 1);
  });

  it("accepting a delivery and asking for a revision at once: only one review counts", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered");
    const form = await ref(db, id);
    exactlyOneWins(await Promise.all([acceptDelivery(db, team.student, form), requestRevision(db, team.student, { ...form, comments: "Needs more sources" })]));
    expect(["completed", "revision_requested"]).toContain((await versionAndStatus(db, id)).status);
  });
});

async function versionAndStatus(db: Db, id: string) {
  const [row] = await db.select({ version: assignments.version, status: assignments.status }).from(assignments).where(eq(assignments.id, id));
  if (!row) throw new Error("no such assignment");
  return row;
}
