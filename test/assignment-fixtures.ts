import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import type { Database } from "@/db/client";
import { assignments, type AssignmentStatus } from "@/db/schema";
import { acceptDelivery } from "@/lib/assignments/accept-delivery";
import { assignTeachers } from "@/lib/assignments/assign-teachers";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { requestAssignment } from "@/lib/assignments/request-assignment";
import { requestRevision } from "@/lib/assignments/request-revision";
import { respondToOffer } from "@/lib/assignments/respond-to-offer";
import { submitDelivery } from "@/lib/assignments/submit-delivery";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";
import type { FileStore } from "@/lib/storage";
import { LocalStorageDriver } from "@/lib/storage/local-driver";
import type { IncomingFile } from "@/lib/storage/uploads";
import { createAdmin, createStaff, createStudent } from "./fixtures";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

export type TestFileStore = FileStore & { root: string; storedFiles(): string[] };

/** A real local driver in a temp dir of the test file's own, with a small size limit. */
export function testFileStore(maxUploadBytes = 64 * 1024): TestFileStore {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "nano-assignment-files-"));
  roots.push(root);
  const storedFiles = () =>
    fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  return { storage: new LocalStorageDriver(root), maxUploadBytes, root, storedFiles };
}

/** Succeeds or fails the test with the service's own message. */
export function must<T>(result: ServiceResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

/** A datetime-local value `hours` from now, read in UTC. */
export function localIn(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);
}

export const textFile = (name = "notes.md", content = "# Notes\n\nSolve for x where x < 3."): IncomingFile => ({ name, type: "text/markdown", bytes: new TextEncoder().encode(content) });
export const pdfFile = (name = "brief.pdf"): IncomingFile => ({ name, type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n") });
export const pngFile = (name = "diagram.png"): IncomingFile => ({ name, type: "image/png", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]) });

export const writingInput = (overrides: Record<string, unknown> = {}) => ({
  serviceType: "writing",
  title: "The causes of the First World War",
  subject: "History",
  instructions: "A 5-page argumentative essay, at least six academic sources.",
  dueAt: localIn(24 * 7),
  timeZone: "UTC",
  academicLevel: "undergraduate",
  pages: "5",
  citationStyle: "chicago",
  paperType: "Argumentative essay",
  ...overrides,
});

export const homeworkInput = (overrides: Record<string, unknown> = {}) => ({
  serviceType: "homework",
  title: "Linear algebra problem set 4",
  subject: "Mathematics",
  instructions: "Problems 1–12 from chapter 4, show every step.",
  dueAt: localIn(48),
  timeZone: "Europe/Rome",
  problemCount: "12",
  courseLevel: "undergraduate",
  ...overrides,
});

export const examInput = (overrides: Record<string, unknown> = {}) => ({
  serviceType: "exam",
  title: "Organic chemistry midterm",
  subject: "Chemistry",
  instructions: "Support during a 90 minute online midterm.",
  dueAt: localIn(24 * 3),
  timeZone: "America/Toronto",
  examStartsAt: localIn(24 * 2),
  examTimeZone: "America/Toronto",
  durationMinutes: "90",
  platform: "Canvas quiz",
  topics: "Alkenes, stereochemistry, SN1/SN2",
  ...overrides,
});

export type Team = { admin: Actor; rep: Actor; student: Actor; teacher: Actor; helper: Actor; files: TestFileStore };

export async function createTeam(db: Database): Promise<Team> {
  const admin = await createAdmin(db);
  const [rep, student, teacher, helper] = await Promise.all([
    createStaff(db, admin, "cs_rep", "Carla Rep"),
    createStudent(db, "Liam Student"),
    createStaff(db, admin, "teacher", "Priya Primary"),
    createStaff(db, admin, "teacher", "Hugo Helper"),
  ]);
  return { admin, rep, student, teacher, helper, files: testFileStore() };
}

export async function versionOf(db: Database, assignmentId: string): Promise<number> {
  const [row] = await db.select({ version: assignments.version }).from(assignments).where(eq(assignments.id, assignmentId));
  if (!row) throw new Error("fixture: no such assignment");
  return row.version;
}

/** The expected version for the next change, as a freshly loaded form would carry it. */
export async function ref(db: Database, assignmentId: string) {
  return { assignmentId, expectedVersion: await versionOf(db, assignmentId) };
}

type Target = AssignmentStatus;
const steps: Record<Target, Target[]> = {
  submitted: [],
  assigned: ["assigned"],
  in_progress: ["assigned", "in_progress"],
  delivered: ["assigned", "in_progress", "delivered"],
  revision_requested: ["assigned", "in_progress", "delivered", "revision_requested"],
  completed: ["assigned", "in_progress", "delivered", "completed"],
  cancelled: ["cancelled"],
};

/** A request of the team's student, walked through the real services to `status`. */
export async function assignmentIn(db: Database, team: Team, status: Target, options: { input?: Record<string, unknown>; helper?: boolean } = {}) {
  const created = must(await requestAssignment(db, team.student, { ...(options.input ?? writingInput()), files: [pdfFile()] }, team.files));
  const id = created.assignmentId;
  for (const step of steps[status]) {
    const at = await ref(db, id);
    if (step === "assigned") must(await assignTeachers(db, team.rep, { ...at, primaryTeacherId: team.teacher.id, helperIds: options.helper ? [team.helper.id] : [] }));
    if (step === "in_progress") must(await respondToOffer(db, team.teacher, { ...at, decision: "accept" }));
    if (step === "delivered") must(await submitDelivery(db, team.teacher, { ...at, notes: "Done", examScore: "88/100", textSolution: "x = 2", files: [pdfFile("paper.pdf")] }, team.files));
    if (step === "revision_requested") must(await requestRevision(db, team.student, { ...at, comments: "Please expand section 2." }));
    if (step === "completed") must(await acceptDelivery(db, team.student, at));
    if (step === "cancelled") must(await cancelAssignment(db, team.student, at));
  }
  return { id, code: created.code };
}
