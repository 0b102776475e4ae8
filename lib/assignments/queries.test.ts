import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, profiles } from "@/db/schema";
import { assignmentIn, createTeam, examInput, homeworkInput, localIn, must, ref, writingInput } from "@/test/assignment-fixtures";
import { cancelAssignment } from "./cancel-assignment";
import { testDb } from "@/test/db";
import { createStaff, createStudent } from "@/test/fixtures";
import { getAssignmentDetail, getTimeline } from "./detail-queries";
import { requestAssignment } from "./request-assignment";
import { getAssignmentForActorOrThrow, listAssignmentsForActor, listTeacherAssignments, listTeacherPicker } from "./queries";
import { assignmentListQuerySchema, teacherListQuerySchema } from "./schemas";

const query = (input: Record<string, string> = {}) => assignmentListQuerySchema.parse(input);
const tab = (name: string) => teacherListQuerySchema.parse({ tab: name });

describe("assignment lists", () => {
  it("shows a student only their own, filtered by status and service, searched by title, subject and code", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const essay = await assignmentIn(db, team, "assigned");
    const homework = await assignmentIn(db, team, "submitted", { input: homeworkInput({ title: "Eigenvalues worksheet" }) });
    const other = await createStudent(db, "Other Student");
    must(await requestAssignment(db, other, examInput({ title: "Eigenvalues exam" }), team.files));

    const ids = async (input: Record<string, string>) => (await listAssignmentsForActor(db, team.student, query(input))).items.map((i) => i.id);
    expect((await ids({})).sort()).toEqual([essay.id, homework.id].sort());
    expect(await ids({ status: "assigned" })).toEqual([essay.id]);
    expect(await ids({ service: "homework" })).toEqual([homework.id]);
    expect(await ids({ q: "EIGEN" })).toEqual([homework.id]);
    expect(await ids({ q: "mathemat" })).toEqual([homework.id]);
    expect(await ids({ q: essay.code.toLowerCase() })).toEqual([essay.id]);
    expect(await ids({ q: String(Number(essay.code.slice(4))) })).toEqual([essay.id]);
    expect(await ids({ q: "100%_" })).toEqual([]);
  });

  it("pages newest first, and staff see every student's assignments with names", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (let i = 0; i < 27; i++) must(await requestAssignment(db, team.student, writingInput({ title: `Paged essay ${i}` }), team.files));
    const page1 = await listAssignmentsForActor(db, team.rep, query({ q: "paged essay" }));
    const page2 = await listAssignmentsForActor(db, team.rep, query({ q: "paged essay", page: "2" }));
    expect([page1.total, page1.pageCount, page1.items.length, page2.items.length]).toEqual([27, 2, 25, 2]);
    expect(page1.items[0]?.title).toBe("Paged essay 26");
    expect(page1.items[0]?.studentName).toBe("Liam Student");
    expect(query({ page: "-3", status: "lost", service: "magic" })).toEqual({ page: 1, q: undefined, status: undefined, service: undefined });
  });

  it("sorts staff's list by created, due date, status or title in either direction, with the id breaking ties", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const make = async (status: "submitted" | "assigned" | "in_progress" | "cancelled", title: string, dueInDays: number, minute: number) => {
      const { id } = await assignmentIn(db, team, status, { input: writingInput({ title, dueAt: localIn(24 * dueInDays) }) });
      await db.update(assignments).set({ createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)) }).where(eq(assignments.id, id));
      return id;
    };
    const a = await make("submitted", "Sortable delta", 3, 0);
    const b = await make("assigned", "sortable Alpha", 5, 1);
    const c = await make("in_progress", "Sortable charlie", 4, 2);
    const d = await make("cancelled", "Sortable bravo", 9, 3);
    const e = await make("submitted", "Sortable echo", 7, 4);
    const ids = async (input: Record<string, string>, actor = team.rep) => (await listAssignmentsForActor(db, actor, query({ q: "sortable", ...input }))).items.map((i) => i.id);
    const both = async (sort: string, ascending: string[]) => {
      expect(await ids({ sort, dir: "asc" })).toEqual(ascending);
      expect(await ids({ sort, dir: "desc" })).toEqual([...ascending].reverse());
    };
    expect(await ids({})).toEqual([e, d, c, b, a]);
    await both("created", [a, b, c, d, e]);
    await both("due", [a, c, b, e, d]);
    await both("title", [b, d, c, a, e]);
    // Submitted twice: the id orders the tie the same way on every page.
    await both("status", [...[a, e].sort(), b, c, d]);
    // A sort the list does not know falls back to newest first, never an error.
    expect(query({ sort: "studentId; drop table", dir: "sideways" })).toMatchObject({ sort: undefined, dir: undefined });
    expect(await ids({ sort: "studentId; drop table", dir: "sideways" })).toEqual([e, d, c, b, a]);
    // The same query serves the student's own list, sorted the same way.
    expect(await ids({ sort: "due" }, team.student)).toEqual([a, c, b, e, d]);
  });

  it("shows a teacher only what they are on, without the student's name", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const mine = await assignmentIn(db, team, "in_progress");
    await assignmentIn(db, team, "submitted");
    const list = await listAssignmentsForActor(db, team.teacher, query());
    expect(list.items.map((i) => [i.id, i.studentName, i.primaryTeacherName])).toEqual([[mine.id, null, "Priya Primary"]]);
    const outsider = await createStaff(db, team.admin, "teacher", "Outside Teacher");
    expect((await listAssignmentsForActor(db, outsider, query())).total).toBe(0);
  });

  it("sorts a teacher's work into offers, active, delivered and completed", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const offered = await assignmentIn(db, team, "assigned");
    const active = await assignmentIn(db, team, "revision_requested");
    const delivered = await assignmentIn(db, team, "delivered");
    const completed = await assignmentIn(db, team, "completed");
    // Work the teacher had accepted and staff then cancelled ends too, but is not completed work.
    const cancelledMidway = await assignmentIn(db, team, "in_progress");
    must(await cancelAssignment(db, team.rep, { ...(await ref(db, cancelledMidway.id)), reason: "Student withdrew" }));
    const ids = async (name: string) => (await listTeacherAssignments(db, team.teacher, tab(name))).items.map((i) => i.id);
    expect(await ids("offers")).toEqual([offered.id]);
    expect(await ids("active")).toEqual([active.id]);
    expect(await ids("delivered")).toEqual([delivered.id]);
    expect(await ids("completed")).toEqual([completed.id]);
    expect((await listTeacherAssignments(db, team.teacher, tab("completed"))).total).toBe(1);
    await expect(listTeacherAssignments(db, team.student, tab("offers"))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the teacher picker", () => {
  it("shows each active teacher's subjects and open workload, least loaded first", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    await db.update(profiles).set({ subjects: ["History", "Essay writing"] }).where(eq(profiles.userId, team.teacher.id));
    await assignmentIn(db, team, "in_progress");
    await assignmentIn(db, team, "assigned", { helper: true });
    await assignmentIn(db, team, "completed");
    const picker = await listTeacherPicker(db, team.admin);
    const byId = new Map(picker.map((t) => [t.id, t]));
    expect(byId.get(team.teacher.id)).toMatchObject({ name: "Priya Primary", subjects: ["History", "Essay writing"], openWorkload: 2 });
    expect(byId.get(team.helper.id)?.openWorkload).toBe(1);
    expect(picker.map((t) => t.openWorkload)).toEqual([...picker.map((t) => t.openWorkload)].sort((a, b) => a - b));
    expect(picker.some((t) => t.id === team.rep.id)).toBe(false);
  });
});

describe("one assignment's page", () => {
  it("gives the student everything sent, teacher names only, deliveries and a timeline of who did what", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered", { helper: true });
    const detail = await getAssignmentDetail(db, team.student, id);
    expect(detail.details).toMatchObject({ serviceType: "writing", pages: 5, citationStyle: "chicago" });
    expect(detail.teachers).toEqual([
      { name: "Priya Primary", role: "primary", status: "accepted" },
      { name: "Hugo Helper", role: "helper", status: "pending" },
    ]);
    expect(detail.student).toBeNull();
    expect(detail.briefFiles.map((f) => f.name)).toEqual(["brief.pdf"]);
    expect(JSON.stringify(detail)).not.toMatch(/storageKey/);
    expect(detail.deliveries.map((d) => [d.version, d.deliveredByName])).toEqual([[1, "Priya Primary"]]);
    expect(detail.timeline.map((e) => [e.toStatus, e.actorName])).toEqual([
      ["submitted", "Liam Student"], ["assigned", "Carla Rep"], ["in_progress", "Priya Primary"], ["delivered", "Priya Primary"],
    ]);
    expect(detail.actions).toEqual(["accept_delivery", "request_revision"]);

    const staffView = await getAssignmentDetail(db, team.rep, id);
    expect(staffView.student).toMatchObject({ name: "Liam Student", email: team.student.email });
    expect(staffView.actions).toEqual(["cancel", "remove_helper", "extend_due_date"]);
    expect((await getAssignmentDetail(db, team.teacher, id)).actions).toEqual([]);
  });

  it("is not found for anyone outside it, and for malformed ids", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "assigned");
    const stranger = await createStudent(db, "Stranger Student");
    await expect(getAssignmentForActorOrThrow(db, stranger, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTimeline(db, team.helper, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getAssignmentDetail(db, team.rep, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
    expect((await getAssignmentForActorOrThrow(db, team.teacher, id)).id).toBe(id);
  });
});
