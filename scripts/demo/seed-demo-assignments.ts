import { count, eq, inArray } from "drizzle-orm";
import { acceptDelivery } from "@/lib/assignments/accept-delivery";
import { assignTeachers } from "@/lib/assignments/assign-teachers";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { extendDueDate } from "@/lib/assignments/extend-due-date";
import { requestAssignment } from "@/lib/assignments/request-assignment";
import { requestRevision } from "@/lib/assignments/request-revision";
import { respondToOffer } from "@/lib/assignments/respond-to-offer";
import { submitDelivery } from "@/lib/assignments/submit-delivery";
import { instantToZonedTime } from "@/lib/assignments/time-zone";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";
import { DEFAULT_UPLOAD_ROOT, type FileStore } from "@/lib/storage";
import { LocalStorageDriver } from "@/lib/storage/local-driver";
import type { Database } from "@/db/client";
import { assignments, profiles, users } from "@/db/schema";

export type Demo = Actor & { timeZone: string };

export const emails = {
  liam: "student@nanoproblem.test",
  sofia: "sofia.rossi@nanoproblem.test",
  kwame: "kwame.mensah@nanoproblem.test",
  hannah: "hannah.mueller@nanoproblem.test",
  aisha: "aisha.rahman@nanoproblem.test",
  priya: "teacher@nanoproblem.test",
  james: "james.whitfield@nanoproblem.test",
  mei: "mei.tanaka@nanoproblem.test",
  omar: "omar.haddad@nanoproblem.test",
  diego: "support@nanoproblem.test",
  amara: "admin@nanoproblem.test",
};

function must<T>(result: ServiceResult<T>): T {
  if (!result.ok) throw new Error(`demo assignments: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

// Small but real files: sniffed as PDF and as text like any upload.
const pdf = (name: string, title: string) => ({ name, bytes: new TextEncoder().encode(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`) });
const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });

/** The demo accounts the seed made, by first name; null when any of them is missing. */
export async function loadPeople(db: Database): Promise<Record<keyof typeof emails, Demo> | null> {
  const rows = await db
    .select({ id: users.id, email: users.email, role: users.role, name: profiles.fullName, timeZone: profiles.timeZone })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.email, Object.values(emails)));
  const people = {} as Record<keyof typeof emails, Demo>;
  for (const [key, email] of Object.entries(emails) as [keyof typeof emails, string][]) {
    const row = rows.find((r) => r.email === email);
    if (!row) return null;
    people[key] = { ...row, mustChangePassword: false };
  }
  return people;
}

/**
 * Demo assignments in every status for the demo accounts (scripts/demo/seed-demo.ts), made through the services
 * so their timelines, notifications and audit rows are the real ones. Files go to `storageRoot`.
 * Runs once: a database that already has assignments is left alone.
 */
export async function seedDemoAssignments(db: Database, options: { storageRoot?: string } = {}): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(assignments);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = await loadPeople(db);
  if (!people) return { created: 0 };
  const files: FileStore = { storage: new LocalStorageDriver(options.storageRoot ?? DEFAULT_UPLOAD_ROOT), maxUploadBytes: 25 * 1024 * 1024 };
  const { liam, sofia, kwame, hannah, aisha, priya, james, mei, omar, diego, amara } = people;
  const due = (student: Demo, hours: number) => ({ dueAt: instantToZonedTime(new Date(Date.now() + hours * 3_600_000), student.timeZone), timeZone: student.timeZone });
  const version = async (id: string) => (await db.select({ v: assignments.version }).from(assignments).where(eq(assignments.id, id)))[0]?.v ?? 0;
  const at = async (id: string) => ({ assignmentId: id, expectedVersion: await version(id) });
  const request = async (student: Demo, input: Record<string, unknown>) => must(await requestAssignment(db, student, input, files)).assignmentId;
  const assign = async (id: string, primary: Demo, helpers: Demo[] = []) => must(await assignTeachers(db, diego, { ...(await at(id)), primaryTeacherId: primary.id, helperIds: helpers.map((h) => h.id) }));
  const accept = async (id: string, teacher: Demo) => must(await respondToOffer(db, teacher, { ...(await at(id)), decision: "accept" }));
  const deliver = async (id: string, teacher: Demo, input: Record<string, unknown>) => must(await submitDelivery(db, teacher, { ...(await at(id)), ...input }, files));

  const writing = { serviceType: "writing", academicLevel: "undergraduate", citationStyle: "apa", paperType: "Essay" };
  const homework = { serviceType: "homework", courseLevel: "undergraduate" };

  // Waiting in the queue.
  await request(liam, { ...writing, ...due(liam, 24 * 6), title: "Keynes vs Hayek on the Great Depression", subject: "Economics", instructions: "A comparative essay of about 2,000 words, APA style, at least eight sources.", wordCount: "2000", files: [pdf("essay-brief.pdf", "Essay brief")] });
  // Declined once, back in the queue, due soon.
  const declined = await request(sofia, { ...homework, ...due(sofia, 30), title: "Series convergence problem set", subject: "Calculus", instructions: "Problems 1–10: decide convergence and justify each test used.", problemCount: "10", files: [text("problems.md", "# Problem set 5\n\n1. Σ 1/n² …\n")] });
  await assign(declined, omar);
  must(await respondToOffer(db, omar, { ...(await at(declined)), decision: "decline", reason: "Outside my subjects this term" }));
  // An offer waiting for the teacher.
  const offered = await request(liam, { ...homework, ...due(liam, 24 * 4), title: "Hypothesis testing worksheet", subject: "Statistics", instructions: "Eight questions on t-tests and p-values; show the working.", problemCount: "8" });
  await assign(offered, priya, [mei]);
  // Work in progress, with a helper and an extended due date.
  const exam = await request(kwame, { serviceType: "exam", ...due(kwame, 24 * 5), title: "Organic chemistry midterm", subject: "Chemistry", instructions: "Online midterm support; topics below.", examStartsAt: due(kwame, 24 * 4).dueAt, examTimeZone: kwame.timeZone, durationMinutes: "90", platform: "Moodle quiz", topics: "Alkenes, stereochemistry, SN1/SN2" });
  await assign(exam, omar, [priya]);
  await accept(exam, omar);
  must(await extendDueDate(db, amara, { ...(await at(exam)), ...due(kwame, 24 * 7), reason: "The exam was rescheduled" }));
  // Delivered, waiting for the student's review.
  const review = await request(hannah, { ...writing, ...due(hannah, 24 * 3), title: "Literature review: Wuthering Heights", subject: "English literature", instructions: "A literature review of recent criticism, 6 pages.", pages: "6", citationStyle: "mla", paperType: "Literature review" });
  await assign(review, james);
  await accept(review, james);
  await deliver(review, james, { notes: "Sources are listed at the end.", files: [pdf("literature-review.pdf", "Literature review")] });
  // A revision requested after a first delivery.
  const revision = await request(aisha, { ...homework, ...due(aisha, 24 * 2), title: "Graph algorithms in Python", subject: "Algorithms", instructions: "Implement Dijkstra and explain its complexity.", problemCount: "2", courseLevel: "doctoral" });
  await assign(revision, mei);
  await accept(revision, mei);
  await deliver(revision, mei, { textSolution: "def dijkstra(graph, source):\n    dist = {source: 0}\n    ...\n", notes: "Complexity: O((V + E) log V)." });
  must(await requestRevision(db, aisha, { ...(await at(revision)), comments: "Please add the proof of correctness." }));
  // Completed.
  const done = await request(liam, { ...writing, ...due(liam, 24 * 2), title: "Pendulum lab report", subject: "Physics", instructions: "Write up the pendulum experiment from the attached data.", pages: "4", paperType: "Lab report", files: [text("measurements.csv", "length_m,period_s\n0.5,1.42\n1.0,2.01\n")] });
  await assign(done, priya);
  await accept(done, priya);
  await deliver(done, priya, { files: [pdf("lab-report.pdf", "Lab report")] });
  must(await acceptDelivery(db, liam, await at(done)));
  // Delivered after its deadline (demo only: the deadline is moved into the past first).
  const late = await request(kwame, { ...homework, ...due(kwame, 24), title: "Thermodynamics exercises", subject: "Physics", instructions: "Chapter 3 exercises 1–6.", problemCount: "6" });
  await assign(late, priya);
  await accept(late, priya);
  await db.update(assignments).set({ dueAt: new Date(Date.now() - 3_600_000) }).where(eq(assignments.id, late));
  await deliver(late, priya, { textSolution: "1. ΔU = Q − W = 120 J − 45 J = 75 J\n…" });
  // Cancelled by the student.
  const cancelled = await request(sofia, { ...writing, ...due(sofia, 24 * 10), title: "Cover letter for an internship", subject: "Professional writing", instructions: "A one-page cover letter for an engineering internship.", pages: "1", paperType: "Cover letter" });
  must(await cancelAssignment(db, sofia, { ...(await at(cancelled)), reason: "I wrote it myself in the end" }));
  const [created] = await db.select({ n: count() }).from(assignments);
  return { created: created?.n ?? 0 };
}
