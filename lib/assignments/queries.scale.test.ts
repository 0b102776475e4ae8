import { sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { bulkLoad, insertScalePeople, plansOf, rowsReadOf } from "@/test/scale-plans";
import { getAssignmentDetail } from "./detail-queries";
import { getFileForDownload } from "./get-file-for-download";
import { listAssignmentQueue, listAssignmentsForActor, listTeacherAssignments, listTeacherPicker } from "./queries";
import { ASSIGNMENTS_PAGE_SIZE, assignmentListQuerySchema, teacherListQuerySchema } from "./schemas";

const ROWS = 200_000;
const watched = new Set(["assignments", "teacher_assignments", "assignment_files", "assignment_events", "deliveries"]);

let db: Database;
let pool: pg.Pool;
const actors = {} as Record<"student" | "teacher" | "staff", Actor>;
let sampleId = "";

const tables = ["assignments", "teacher_assignments", "assignment_files", "assignment_events", "deliveries"];

// A database of its own, shaped like a few years of business: 200k assignments from 20,000
// students, 300 teachers, most work completed or cancelled and a few percent open.
beforeAll(async () => {
  db = await testDb();
  pool = (db as unknown as { $client: pg.Pool }).$client;
  await insertScalePeople(pool, { student: 20000, teacher: 300, cs_rep: 1 });
  await bulkLoad(pool, tables, [
    `with s as (select array_agg(id order by email) ids from users where email like 'scale-student-%')
     insert into assignments (code, student_id, service_type, title, subject, instructions, due_at, due_time_zone, status, created_at)
     select 'ASG-' || lpad(g::text, 6, '0'), s.ids[1 + g % 20000], (array['writing','homework','exam'])[1 + g % 3]::service_type,
            'Essay number ' || g, (array['History','Calculus','Chemistry','Physics','Economics'])[1 + g % 5], 'Instructions',
            now() + interval '7 days', 'UTC',
            (case when b < 2 then 'submitted' when b < 3 then 'assigned' when b < 5 then 'in_progress' when b < 6 then 'delivered'
                  when b < 7 then 'revision_requested' when b < 15 then 'cancelled' else 'completed' end)::assignment_status,
            now() - (g * 60 || ' seconds')::interval
     from generate_series(1, ${ROWS}) g, s, lateral (select (g * 7919) % 100 as b) bucket`,
    `with t as (select array_agg(id order by email) ids from users where email like 'scale-teacher-%')
     insert into teacher_assignments (assignment_id, teacher_id, role, status, closed_at, closed_as)
     select a.id, t.ids[1 + abs(hashtext(a.id::text)) % 300], 'primary', case when a.status = 'assigned' then 'pending' else 'accepted' end::teacher_assignment_status,
            case when a.status in ('completed', 'cancelled') then now() end,
            case when a.status in ('completed', 'cancelled') then a.status end
     from assignments a, t where a.status <> 'submitted'`,
    `insert into assignment_events (assignment_id, to_status, actor_id) select id, 'submitted', student_id from assignments`,
    `insert into deliveries (assignment_id, version, late, delivered_by)
     select a.id, 1, false, ta.teacher_id from assignments a join teacher_assignments ta on ta.assignment_id = a.id
     where a.status in ('delivered', 'revision_requested', 'completed')`,
    `insert into assignment_files (assignment_id, kind, storage_key, original_name, display_name, size_bytes, mime_type, uploaded_by)
     select id, 'brief', md5(id::text) || md5(code), 'b.pdf', 'b.pdf', 10, 'application/pdf', student_id from assignments where code like '%0'`,
  ]);
  await db.execute(sql`vacuum analyze`);
  const pick = async (role: string) => (await pool.query(`select id, email from users where email like 'scale-${role}-%' order by email limit 1`)).rows[0];
  for (const [key, role] of [["student", "student"], ["teacher", "teacher"], ["staff", "cs_rep"]] as const) {
    const row = await pick(role);
    actors[key] = { id: row.id, email: row.email, role: role as Actor["role"], name: "Scale", mustChangePassword: false };
  }
  sampleId = (await pool.query(`select assignment_id from teacher_assignments where teacher_id = $1 limit 1`, [actors.teacher.id])).rows[0].assignment_id;
}, 300_000);

const list = (input: Record<string, string>) => assignmentListQuerySchema.parse(input);
const cases: [string, keyof typeof actors, (db: Database, actor: Actor) => Promise<unknown>][] = [
  ["student list", "student", (d, a) => listAssignmentsForActor(d, a, list({}))],
  ["student list by status and service", "student", (d, a) => listAssignmentsForActor(d, a, list({ status: "delivered", service: "exam" }))],
  ["student search", "student", (d, a) => listAssignmentsForActor(d, a, list({ q: "number 12" }))],
  ["staff list by status", "staff", (d, a) => listAssignmentsForActor(d, a, list({ status: "in_progress", page: "3" }))],
  ["staff list by service and status", "staff", (d, a) => listAssignmentsForActor(d, a, list({ status: "delivered", service: "homework" }))],
  ["staff search by title", "staff", (d, a) => listAssignmentsForActor(d, a, list({ q: "number 19999" }))],
  ["staff search by code", "staff", (d, a) => listAssignmentsForActor(d, a, list({ q: "ASG-000123" }))],
  ["teacher list", "teacher", (d, a) => listAssignmentsForActor(d, a, list({}))],
  ["teacher offers", "teacher", (d, a) => listTeacherAssignments(d, a, teacherListQuerySchema.parse({ tab: "offers" }))],
  ["teacher completed", "teacher", (d, a) => listTeacherAssignments(d, a, teacherListQuerySchema.parse({ tab: "completed", page: "2" }))],
  ["staff queue", "staff", (d, a) => listAssignmentQueue(d, a, 4)],
  ["teacher picker", "staff", (d, a) => listTeacherPicker(d, a)],
  ["assignment page", "teacher", (d, a) => getAssignmentDetail(d, a, sampleId)],
  ["file lookup", "staff", (d, a) => getFileForDownload(d, a, "00000000-0000-4000-8000-000000000000", { storage: testFileStore().storage })],
];

// The unfiltered staff list's count reads the whole table whatever the order (left as it was);
// these cases check that each column sort reads its page through an index.
const sortCases: [string, Record<string, string>][] = [
  ["due date, newest first, page 3", { sort: "due", dir: "desc", page: "3" }],
  ["title", { sort: "title", dir: "asc" }],
  ["status, page 2", { sort: "status", dir: "asc", page: "2" }],
];

describe(`lists over ${ROWS.toLocaleString("en")} assignments`, () => {
  it.each(sortCases)("the staff list sorted by %s reads its page through an index", async (_name, input) => {
    const { scans, statements } = await plansOf(pool, (d) => listAssignmentsForActor(d, actors.staff, list(input)), { watched, explains: (query) => !/^select count\(\*\)/.test(query) });
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });

  it.each(cases)("%s reads through indexes, never a full scan", async (_name, who, read) => {
    const { scans, statements, ms } = await plansOf(pool, (d) => read(d, actors[who]), { watched });
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});

// scripts/bench/pages.ts found these pages slow at scale: a count of every row behind a list whose
// pages stop at 400, and deep pages that joined (and looked up teacher names and declines for)
// every row they skipped.
const pageReads = (query: string) => !/^select count\(\*\)/.test(query);
describe("deep pages and counts read only what the page shows", () => {
  it("a teacher's Completed tab reads its page in closing order, not their whole history, newest finished first", async () => {
    const read = (d: Database) => listTeacherAssignments(d, actors.teacher, teacherListQuerySchema.parse({ tab: "completed", page: "2" }));
    const [page] = await rowsReadOf(pool, read, pageReads);
    // Page 2: the 20 rows skipped and its own 20 from the index, then its own 20 again to join them.
    expect(page!.teacher_assignments!.rows).toBeLessThanOrEqual(4 * ASSIGNMENTS_PAGE_SIZE);
    const { items } = await read(db);
    expect(items).toHaveLength(ASSIGNMENTS_PAGE_SIZE);
    expect(items.every((item) => item.status === "completed")).toBe(true);
  });

  it("a teacher with years of finished work reads a deep Completed page through indexes", async () => {
    // The busiest teacher of the page benchmark's data had 2,700 finished assignments. A page that
    // joined whole assignments for every row it skipped had the planner scan every completed one.
    const {
      rows: [busy],
    } = await pool.query(`insert into users (email, password_hash, role) values ('scale-busy-teacher@example.test', 'x', 'teacher') returning id, email`);
    await pool.query(`insert into profiles (user_id, full_name) values ($1, 'Busy Teacher')`, [busy.id]);
    await pool.query(
      `update teacher_assignments set teacher_id = $1 where id in (
         select ta.id from teacher_assignments ta join assignments a on a.id = ta.assignment_id
         where a.status = 'completed' and ta.status = 'accepted' order by ta.id limit 3000)`,
      [busy.id],
    );
    await pool.query("analyze teacher_assignments");
    const actor: Actor = { id: busy.id, email: busy.email, role: "teacher", name: "Busy Teacher", mustChangePassword: false };
    const completed = (page: number) => teacherListQuerySchema.parse({ tab: "completed", page: String(page) });
    const { pageCount } = await listTeacherAssignments(db, actor, completed(1));
    expect(pageCount).toBe(3000 / ASSIGNMENTS_PAGE_SIZE);
    const deep = (d: Database) => listTeacherAssignments(d, actor, completed(pageCount - 1));
    const { scans } = await plansOf(pool, deep, { watched });
    expect(scans).toEqual([]);
    const { items } = await deep(db);
    expect(items).toHaveLength(ASSIGNMENTS_PAGE_SIZE);
    expect(items.every((item) => item.status === "completed" && item.myRole === "primary")).toBe(true);
  });

  it("the unfiltered staff list counts no further than its last reachable page", async () => {
    const read = (d: Database) => listAssignmentsForActor(d, actors.staff, list({}));
    expect(await read(db)).toMatchObject({ total: 400 * ASSIGNMENTS_PAGE_SIZE, totalIsCapped: true, pageCount: 400 });
    const [, counted] = await rowsReadOf(pool, read, () => true);
    expect(counted!.assignments!.rows).toBeLessThanOrEqual(400 * ASSIGNMENTS_PAGE_SIZE + 1);
  });

  it("a filtered staff list below the cap still counts exactly", async () => {
    const page = await listAssignmentsForActor(db, actors.staff, list({ status: "submitted" }));
    expect(page.totalIsCapped).toBe(false);
    expect(page.total).toBe(ROWS / 50);
  });

  it("the staff list's page 400 joins names for its own rows only", async () => {
    const [page] = await rowsReadOf(pool, (d) => listAssignmentsForActor(d, actors.staff, list({ page: "400" })), pageReads);
    // A student's name and a primary teacher's name per row of the page.
    expect(Math.max(page!.profiles!.rows, page!.profiles!.loops)).toBeLessThanOrEqual(2 * ASSIGNMENTS_PAGE_SIZE);
    expect(page!.teacher_assignments?.loops ?? 0).toBeLessThanOrEqual(ASSIGNMENTS_PAGE_SIZE);
  });

  it("the queue's last page counts declines for its own rows only", async () => {
    const [page] = await rowsReadOf(pool, (d) => listAssignmentQueue(d, actors.staff, ROWS / 50 / ASSIGNMENTS_PAGE_SIZE), pageReads);
    expect(Math.max(page!.profiles!.rows, page!.profiles!.loops)).toBeLessThanOrEqual(ASSIGNMENTS_PAGE_SIZE);
    expect(page!.teacher_assignments?.loops ?? 0).toBeLessThanOrEqual(ASSIGNMENTS_PAGE_SIZE);
  });
});
