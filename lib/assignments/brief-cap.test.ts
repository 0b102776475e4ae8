import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentFiles, assignments } from "@/db/schema";
import { assignmentIn, createTeam, must, ref, textFile, writingInput } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import type { Database } from "@/db/client";
import { MAX_BRIEF_BYTES_PER_ASSIGNMENT, MAX_BRIEF_FILES_PER_ASSIGNMENT } from "@/lib/storage/uploads";
import { addBriefFiles } from "./add-brief-files";
import { briefCapError } from "./brief-cap";
import { requestAssignment } from "./request-assignment";

const MB = 1024 * 1024;
const files = (count: number, prefix = "part") => Array.from({ length: count }, (_, i) => textFile(`${prefix}-${i + 1}.md`));
const briefRows = (db: Database, id: string) => db.select().from(assignmentFiles).where(eq(assignmentFiles.assignmentId, id));
const versionOf = async (db: Database, id: string) => (await db.select({ version: assignments.version }).from(assignments).where(eq(assignments.id, id)))[0]?.version;

describe("the words of a brief cap", () => {
  it("says how many more files fit, or that none do", () => {
    expect(briefCapError({ files: 28, bytes: 0 }, [{ size: 1 }, { size: 1 }, { size: 1 }], { files: 30, bytes: 100 * MB })).toBe("The brief can hold at most 30 files; it has 28, so add at most 2 more.");
    expect(briefCapError({ files: 30, bytes: 0 }, [{ size: 1 }], { files: 30, bytes: 100 * MB })).toBe("The brief already has 30 files, the most it can hold.");
  });

  it("says how many bytes are left and how big the new files are", () => {
    expect(briefCapError({ files: 2, bytes: 90 * MB }, [{ size: 6 * MB }, { size: 6 * MB }], { files: 30, bytes: 100 * MB })).toBe(
      "The brief can hold at most 100 MB in all; 10 MB is left, and these files are 12 MB.",
    );
    expect(briefCapError({ files: 2, bytes: 90 * MB }, [{ size: 10 * MB }], { files: 30, bytes: 100 * MB })).toBeUndefined();
  });
});

describe("a student adding brief files until the brief is full", () => {
  it(`stops at ${MAX_BRIEF_FILES_PER_ASSIGNMENT} files, with a field message, storing nothing of the refused upload`, async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted"); // one brief file already
    must(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(10, "a") }, team.files));
    must(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(10, "b") }, team.files));
    must(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(7, "c") }, team.files));
    const stored = team.files.storedFiles().length;
    const version = await versionOf(db, id);

    const refused = await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(3, "d") }, team.files);
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { files: ["The brief can hold at most 30 files; it has 28, so add at most 2 more."] } });
    expect(await briefRows(db, id)).toHaveLength(28);
    expect(team.files.storedFiles()).toHaveLength(stored);
    expect(await versionOf(db, id)).toBe(version);

    must(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(2, "d") }, team.files));
    expect(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(1, "e") }, team.files)).toMatchObject({
      ok: false,
      fieldErrors: { files: ["The brief already has 30 files, the most it can hold."] },
    });
    expect(await briefRows(db, id)).toHaveLength(30);
  });

  it("stops at the byte cap", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    // The brief's one file stands for uploads that nearly filled it.
    await db.update(assignmentFiles).set({ sizeBytes: MAX_BRIEF_BYTES_PER_ASSIGNMENT - 10 }).where(eq(assignmentFiles.assignmentId, id));
    const stored = team.files.storedFiles().length;
    const refused = await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: [textFile("extra.md", "more than ten bytes of notes")] }, team.files);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { files: [expect.stringMatching(/^The brief can hold at most 250 MB in all; 10 bytes is left/)] } });
    expect(await briefRows(db, id)).toHaveLength(1);
    expect(team.files.storedFiles()).toHaveLength(stored);
  });

  it("lets only one of two uploads at once take the last places", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    for (const prefix of ["a", "b"]) must(await addBriefFiles(db, team.student, { ...(await ref(db, id)), files: files(10, prefix) }, team.files));
    const form = await ref(db, id); // 21 files: room for 9
    const results = await Promise.all(["x", "y"].map((prefix) => addBriefFiles(db, team.student, { ...form, files: files(6, prefix) }, team.files)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    // Refused for the cap (checked under the row lock, before the version), not merely as a stale form.
    expect(results.find((result) => !result.ok)).toMatchObject({ fieldErrors: { files: ["The brief can hold at most 30 files; it has 27, so add at most 3 more."] } });
    expect(await briefRows(db, id)).toHaveLength(27);
    expect(team.files.storedFiles()).toHaveLength(27);
  });

  it("counts only this assignment's brief, and a new request starts empty", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const full = await assignmentIn(db, team, "submitted");
    for (const prefix of ["a", "b", "c"]) must(await addBriefFiles(db, team.student, { ...(await ref(db, full.id)), files: files(9, prefix) }, team.files));
    const fresh = must(await requestAssignment(db, team.student, { ...writingInput(), files: files(10) }, team.files));
    must(await addBriefFiles(db, team.student, { ...(await ref(db, fresh.assignmentId)), files: files(10, "more") }, team.files));
    expect(await briefRows(db, fresh.assignmentId)).toHaveLength(20);
  });
});
