import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentEvents, assignmentFiles, assignments, auditLogs, examDetails, homeworkDetails, notifications, writingDetails } from "@/db/schema";
import { createTeam, examInput, homeworkInput, must, pdfFile, pngFile, testFileStore, textFile, writingInput } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { requestAssignment } from "./request-assignment";

describe("a student requesting help", () => {
  it("enters the queue with a public code, its files, a timeline row, an audit row and a note to CS reps", async () => {
    const db = await testDb();
    const { student, rep, files } = await createTeam(db);
    const created = must(await requestAssignment(db, student, { ...writingInput(), files: [pdfFile("Brief.pdf"), textFile("rubric.md")] }, files));
    expect(created.code).toMatch(/^ASG-\d{6}$/);

    const [row] = await db.select().from(assignments).where(eq(assignments.id, created.assignmentId));
    expect(row).toMatchObject({ status: "submitted", version: 1, studentId: student.id, serviceType: "writing", dueTimeZone: "UTC" });
    expect(await db.select().from(writingDetails).where(eq(writingDetails.assignmentId, created.assignmentId))).toEqual([
      { assignmentId: created.assignmentId, academicLevel: "undergraduate", pages: 5, wordCount: null, citationStyle: "chicago", paperType: "Argumentative essay" },
    ]);
    const stored = await db.select().from(assignmentFiles).where(eq(assignmentFiles.assignmentId, created.assignmentId));
    expect(stored.map((f) => [f.displayName, f.mimeType, f.kind])).toEqual(
      expect.arrayContaining([["Brief.pdf", "application/pdf", "brief"], ["rubric.md", "text/plain", "brief"]]),
    );
    expect(files.storedFiles().sort()).toEqual(stored.map((f) => f.storageKey).sort());
    for (const file of stored) expect(file.storageKey).not.toMatch(/brief|rubric/i);

    const events = await db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, created.assignmentId));
    expect(events).toMatchObject([{ fromStatus: null, toStatus: "submitted", actorId: student.id }]);
    expect(await db.select().from(auditLogs).where(eq(auditLogs.targetId, created.assignmentId))).toMatchObject([{ action: "assignment.requested", actorId: student.id }]);
    const repNotes = await db.select().from(notifications).where(eq(notifications.userId, rep.id));
    expect(repNotes.filter((n) => n.type.startsWith("assignment."))).toMatchObject([
      { type: "assignment.requested", link: `/support/assignments/${created.assignmentId}` },
    ]);
  });

  it("stores each service's own details, with times read in the student's zone", async () => {
    const db = await testDb();
    const { student, files } = await createTeam(db);
    const homework = must(await requestAssignment(db, student, homeworkInput({ dueAt: "2099-06-01T17:00" }), files));
    expect(await db.select().from(homeworkDetails).where(eq(homeworkDetails.assignmentId, homework.assignmentId))).toMatchObject([{ problemCount: 12, courseLevel: "undergraduate" }]);
    const [due] = await db.select({ dueAt: assignments.dueAt }).from(assignments).where(eq(assignments.id, homework.assignmentId));
    expect(due?.dueAt.toISOString()).toBe("2099-06-01T15:00:00.000Z");

    const exam = must(await requestAssignment(db, student, examInput({ examStartsAt: "2099-01-10T09:00" }), files));
    expect(await db.select().from(examDetails).where(eq(examDetails.assignmentId, exam.assignmentId))).toMatchObject([
      { startsAt: new Date("2099-01-10T14:00:00Z"), timeZone: "America/Toronto", durationMinutes: 90, platform: "Canvas quiz" },
    ]);
  });

  it("draws codes from one sequence, so requests made at once get different codes", async () => {
    const db = await testDb();
    const { student, files } = await createTeam(db);
    const results = await Promise.all(Array.from({ length: 5 }, () => requestAssignment(db, student, writingInput(), files)));
    const codes = results.map((r) => must(r).code);
    expect(new Set(codes).size).toBe(5);
  });

  it("reports every invalid field at once: past due date, missing service fields, bad files", async () => {
    const db = await testDb();
    const { student, files } = await createTeam(db);
    const result = await requestAssignment(
      db,
      student,
      writingInput({ dueAt: "2020-01-01T10:00", pages: "", wordCount: "", files: [{ name: "setup.exe.pdf", bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0]) }, pngFile()] }),
      files,
    );
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        dueAt: ["Choose a time in the future"],
        pages: ["Enter the number of pages or a word count"],
        files: ["“setup.exe.pdf” is a program; executables are not accepted"],
      },
    });
    const empty = await requestAssignment(db, student, {}, files);
    expect(empty).toMatchObject({ ok: false, fieldErrors: { serviceType: expect.any(Array), title: expect.any(Array), dueAt: expect.any(Array) } });
    expect(await db.select().from(assignments).where(eq(assignments.studentId, student.id))).toEqual([]);
    expect(files.storedFiles()).toEqual([]);
  });

  it("refuses files over the configured size and HTML passed off as a document", async () => {
    const db = await testDb();
    const { student } = await createTeam(db);
    const small = testFileStore(1024);
    const big = { name: "scan.pdf", bytes: new Uint8Array(2048).fill(0x25) };
    const html = { name: "essay.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>") };
    const result = await requestAssignment(db, student, writingInput({ files: [big, html] }), small);
    expect(result).toMatchObject({ ok: false, fieldErrors: { files: ["“scan.pdf” is larger than 1 KB", "“essay.docx” contains HTML, SVG or XML markup that a browser would render (it starts with markup); send it inside a zip archive instead"] } });
    expect(small.storedFiles()).toEqual([]);
  });

  it("stores neither the request nor any of its files when the database refuses it", async () => {
    const db = await testDb();
    const { student, files } = await createTeam(db);
    // An account that no longer exists: the insert fails on its foreign key, after the files were stored.
    const vanished = { ...student, id: randomUUID() };
    await expect(requestAssignment(db, vanished, writingInput({ files: [pdfFile(), textFile()] }), files)).rejects.toThrow();
    expect(await db.select().from(assignments).where(eq(assignments.studentId, vanished.id))).toEqual([]);
    expect(await db.select().from(assignmentFiles).where(eq(assignmentFiles.uploadedBy, vanished.id))).toEqual([]);
    expect(files.storedFiles()).toEqual([]);
  });

  it("is open to students only", async () => {
    const db = await testDb();
    const { teacher, rep, files } = await createTeam(db);
    await expect(requestAssignment(db, teacher, writingInput(), files)).rejects.toMatchObject({ code: "forbidden" });
    await expect(requestAssignment(db, rep, writingInput(), files)).rejects.toMatchObject({ code: "forbidden" });
  });
});
