import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentFiles, assignments, notifications } from "@/db/schema";
import { assignmentIn, createTeam, must, pngFile, ref, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { addBriefFiles } from "./add-brief-files";
import { editRequest } from "./edit-request";

const instructions = "Updated: focus on the economic causes, 7 pages.";

describe("a student changing the brief", () => {
  it("edits the instructions and adds files while the offer is pending, telling the offered teacher", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned");
    const edited = must(await editRequest(db, team.student, { ...(await ref(db, id)), instructions }));
    const added = must(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: [pngFile(), textFile("extra.txt")] }, team.files));
    expect(added.version).toBe(edited.version + 1);
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    expect(row?.instructions).toBe(instructions);
    expect((await db.select().from(assignmentFiles).where(eq(assignmentFiles.assignmentId, id))).map((f) => f.displayName).sort()).toEqual(["brief.pdf", "diagram.png", "extra.txt"]);
    const teacherNotes = await db.select().from(notifications).where(eq(notifications.userId, team.teacher.id));
    expect(teacherNotes.filter((n) => n.type === "assignment.brief_updated")).toHaveLength(2);
  });

  it("is refused once a teacher has accepted, and a refused upload leaves no file behind", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    expect(await editRequest(db, team.student, { ...(await ref(db, id)), instructions })).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/accepted/) });
    const before = team.files.storedFiles().length;
    expect(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: [textFile()] }, team.files)).toMatchObject({ ok: false, code: "conflict" });
    expect(team.files.storedFiles()).toHaveLength(before);
  });

  it("refuses a stale form, an empty upload, and another student's request", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    const form = await ref(db, id);
    must(await editRequest(db, team.student, { ...form, instructions }));
    expect(await editRequest(db, team.student, { ...form, instructions: "Another edit from an old tab" })).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/changed since you opened it/) });
    expect(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: [] }, team.files)).toMatchObject({ ok: false, fieldErrors: { files: ["Choose at least one file"] } });
    const stranger = await createStudent(db, "Stranger Student");
    expect(await editRequest(db, stranger, { ...(await ref(db, id)), instructions })).toMatchObject({ ok: false, code: "not_found" });
    expect(await addBriefFiles(db, stranger, { ...(await ref(db, id)), files: [textFile()] }, team.files)).toMatchObject({ ok: false, code: "not_found" });
  });
});
