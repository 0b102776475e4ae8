import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentFiles } from "@/db/schema";
import { assignmentIn, createTeam, must, pdfFile, ref, textFile, writingInput } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { assignTeachers } from "./assign-teachers";
import { requestAssignment } from "./request-assignment";
import { attachmentDisposition, getFileForDownload } from "./get-file-for-download";

type Db = Awaited<ReturnType<typeof testDb>>;
const fileIdsOf = async (db: Db, assignmentId: string) => (await db.select().from(assignmentFiles).where(eq(assignmentFiles.assignmentId, assignmentId))).map((f) => f.id);

describe("downloading a file", () => {
  it("streams the bytes with a safe attachment name to everyone on the assignment", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered", { helper: true });
    for (const fileId of await fileIdsOf(db, id)) {
      for (const actor of [team.student, team.teacher, team.helper, team.rep, team.admin]) {
        const file = must(await getFileForDownload(db, actor, fileId, team.files));
        expect(file.mimeType).toBe("application/pdf");
        expect(file.contentDisposition).toMatch(/^attachment; filename="(brief|paper)\.pdf"; filename\*=UTF-8''/);
        expect(await new Response(file.body).text()).toBe(new TextDecoder().decode(pdfFile().bytes));
      }
    }
  });

  it("answers not found for another student's file, an unrelated teacher, a helper before acceptance, and made-up ids", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "submitted");
    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.teacher.id, helperIds: [team.helper.id] }));
    const [fileId] = await fileIdsOf(db, id);
    const stranger = await createStudent(db, "Stranger Student");
    const outsider = await createStaff(db, team.admin, "teacher", "Outside Teacher");
    for (const actor of [stranger, outsider, team.helper]) {
      expect(await getFileForDownload(db, actor, fileId!, team.files), actor.name).toMatchObject({ ok: false, code: "not_found", message: "File not found" });
    }
    expect(must(await getFileForDownload(db, team.teacher, fileId!, team.files)).name).toBe("brief.pdf");
    for (const bogus of ["00000000-0000-4000-8000-000000000000", "../../etc/passwd", ""]) {
      expect(await getFileForDownload(db, team.admin, bogus, team.files)).toMatchObject({ ok: false, code: "not_found" });
    }
  });

  it("serves code under a name no OS runs, even a file stored under an older name", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const code = "console.log('hi');\n";
    const { assignmentId } = must(await requestAssignment(db, team.student, { ...writingInput(), files: [textFile("solution.js", code)] }, team.files));
    const [stored] = await db.select().from(assignmentFiles).where(eq(assignmentFiles.assignmentId, assignmentId));
    expect(stored).toMatchObject({ displayName: "solution.js.txt", mimeType: "text/plain" });
    await db.update(assignmentFiles).set({ displayName: "solution.js" }).where(eq(assignmentFiles.id, stored!.id));
    const file = must(await getFileForDownload(db, team.student, stored!.id, team.files));
    expect(file.name).toBe("solution.js.txt");
    expect(file.contentDisposition).toMatch(/^attachment; filename="solution\.js\.txt"/);
    expect(await new Response(file.body).text()).toBe(code);
  });

  it("keeps non-ASCII names readable while giving old clients an ASCII fallback", async () => {
    expect(attachmentDisposition('Lösung "final".pdf')).toBe(`attachment; filename="L_sung _final_.pdf"; filename*=UTF-8''L%C3%B6sung%20%22final%22.pdf`);
  });
});
