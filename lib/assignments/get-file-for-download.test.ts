import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentFiles } from "@/db/schema";
import { assignmentIn, createTeam, must, pdfFile, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { assignTeachers } from "./assign-teachers";
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

  it("keeps non-ASCII names readable while giving old clients an ASCII fallback", async () => {
    expect(attachmentDisposition('Lösung "final".pdf')).toBe(`attachment; filename="L_sung _final_.pdf"; filename*=UTF-8''L%C3%B6sung%20%22final%22.pdf`);
  });
});
