import { sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { testDb } from "@/test/db";
import { bulkLoad, insertScalePeople, plansOf, rowsReadOf } from "@/test/scale-plans";
import { listInvoicesForActor } from "@/lib/invoices/queries";
import { INVOICES_PAGE_SIZE, invoiceListQuerySchema } from "@/lib/invoices/schemas";
import { listPaymentHistory, PAYMENT_HISTORY_PAGE_SIZE } from "@/lib/payments/history";
import { getAdminDashboard } from "./admin";
import { getStudentDashboard } from "./student";
import { getSupportDashboard } from "./support";
import { getTeacherDashboard } from "./teacher";
import { getTeacherHome } from "@/lib/assignments/home-queries";

const ROWS = 200_000;
const tables = ["assignments", "teacher_assignments", "invoices", "payments", "refunds"];
const watched = new Set(tables);

let db: Database;
let pool: pg.Pool;
const actors = {} as Record<"student" | "teacher" | "cs_rep" | "admin", Actor>;

// A few years of business: 200k assignments, an invoice for most, a payment for each paid one
// spread over three years, a few refunds and disputes, mostly USD with some EUR.
beforeAll(async () => {
  db = await testDb();
  pool = (db as unknown as { $client: pg.Pool }).$client;
  await insertScalePeople(pool, { student: 20000, teacher: 300, cs_rep: 2, admin: 2 }, { timeZone: "America/New_York" });
  await bulkLoad(pool, tables, [
    `with s as (select array_agg(id order by email) ids from users where email like 'scale-student-%')
     insert into assignments (code, student_id, service_type, title, subject, instructions, due_at, due_time_zone, status, created_at)
     select 'ASG-' || lpad(g::text, 6, '0'), s.ids[1 + g % 20000], (array['writing','homework','exam'])[1 + g % 3]::service_type,
            'Essay number ' || g, 'History', 'Instructions', now() + ((g % 200) || ' hours')::interval, 'UTC',
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
    `insert into invoices (number, assignment_id, student_id, status, currency, total_minor, paid_minor, due_date, created_at)
     select case when i.status in ('draft', 'pending_approval') then null else 'INV-2026-' || lpad(i.n::text, 6, '0') end,
            i.id, i.student_id, i.status::invoice_status, case when i.n % 20 = 0 then 'EUR' else 'USD' end, 10000,
            case when i.status = 'paid' then 10000 when i.status = 'partially_paid' then 4000 else 0 end, current_date + 14, i.created_at
     from (select a.id, a.student_id, a.created_at, row_number() over (order by a.id) n,
                  case when a.status = 'completed' then 'paid' when a.status = 'delivered' then 'approved' when a.status = 'in_progress' then
                    (array['draft', 'pending_approval', 'partially_paid'])[1 + abs(hashtext(a.id::text)) % 3] end status
           from assignments a where a.status in ('completed', 'delivered', 'in_progress')) i`,
    `insert into payments (invoice_id, provider, provider_reference, amount_minor, currency, status, paid_at, created_at)
     select v.id, 'manual', 'SCALE-' || v.id, v.paid_minor, v.currency,
            case when abs(hashtext(v.id::text)) % 1000 = 0 then 'disputed' when abs(hashtext(v.id::text)) % 50 = 1 then 'partially_refunded' else 'succeeded' end::payment_status,
            now() - ((abs(hashtext(v.id::text)) % 1095) || ' days')::interval, now()
     from invoices v where v.paid_minor > 0`,
    // Triggers are off during the load: the running totals are summed once, as migration 0026 does.
    `insert into invoice_totals (currency, status, due_date, invoices, total_minor, paid_minor)
     select currency, status, due_date, count(*), sum(total_minor), sum(paid_minor) from invoices group by currency, status, due_date`,
    `insert into refunds (payment_id, invoice_id, provider, amount_minor, currency, status, reason, confirmed_at)
     select p.id, p.invoice_id, 'manual', 1000, p.currency, 'succeeded', 'Scale', p.paid_at + interval '3 days' from payments p where p.status = 'partially_refunded'`,
    // And the admin's status counts and revenue slots (migration 0027's triggers), counted once.
    `select refresh_assignment_status_totals(), refresh_revenue_slots()`,
  ]);
  await db.execute(sql`vacuum analyze`);
  for (const role of ["student", "teacher", "cs_rep", "admin"] as const) {
    const row = (await pool.query(`select id, email from users where email like 'scale-${role}-%' order by email limit 1`)).rows[0];
    actors[role] = { id: row.id, email: row.email, role, name: "Scale", mustChangePassword: false };
  }
}, 300_000);

const cases: [string, keyof typeof actors, (db: Database, actor: Actor) => Promise<unknown>][] = [
  ["student dashboard", "student", (d, a) => getStudentDashboard(d, a)],
  ["teacher dashboard", "teacher", (d, a) => getTeacherDashboard(d, a)],
  ["CS rep dashboard", "cs_rep", (d, a) => getSupportDashboard(d, a)],
  ["admin dashboard", "admin", (d, a) => getAdminDashboard(d, a)],
];

describe(`dashboards over ${ROWS.toLocaleString("en")} assignments and their invoices and payments`, () => {
  it.each(cases)("the %s reads through indexes, never a full scan", async (_name, who, read) => {
    const { scans, statements, ms } = await plansOf(pool, (d) => read(d, actors[who]), { watched });
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
    expect(ms).toBeLessThan(2000);
  });

  it("the admin's revenue covers twelve months of the loaded payments", async () => {
    const dashboard = await getAdminDashboard(db, actors.admin);
    expect(dashboard.revenueByMonth).toHaveLength(12);
    expect(dashboard.revenueByMonth.some((month) => month.minor > 0)).toBe(true);
    expect(dashboard.disputedPayments).toBeGreaterThan(0);
  });

  it("the admin's status counts, users by role and revenue read running totals, never the assignments, accounts and payments themselves", async () => {
    const reads = await rowsReadOf(pool, (d) => getAdminDashboard(d, actors.admin), (query) => /assignment_status_totals|user_role_totals|revenue_slots/.test(query));
    expect(reads).toHaveLength(3);
    expect(reads.flatMap((tables) => Object.keys(tables)).filter((table) => !/^(assignment_status_totals|user_role_totals|revenue_slots)$/.test(table))).toEqual([]);
    // And they agree with counting the rows themselves.
    const dashboard = await getAdminDashboard(db, actors.admin);
    const { rows } = await pool.query<{ status: string; n: number }>("select status::text, count(*)::int as n from assignments group by status");
    for (const row of rows) expect(dashboard.assignmentsByStatus.find((entry) => entry.status === row.status)?.count).toBe(row.n);
  });
});

// The staff payment and invoice lists over the same rows (scripts/bench/pages.ts found them slow at
// scale): the newest payments read in order, counts that stop at the last reachable page (400),
// and deep pages that join names and refunds for their own rows only, not every row they skip.
const pageOnly = (query: string) => /page_ids/.test(query);
describe("the staff payment and invoice lists over the same rows", () => {
  it("the payment history's first page reads payments in order through an index", async () => {
    const { scans, statements } = await plansOf(pool, (d) => listPaymentHistory(d, actors.admin, { page: 1 }), { watched, explains: pageOnly });
    expect(statements).toBe(1);
    expect(scans).toEqual([]);
  });

  it("the payment history counts no further than its last reachable page", async () => {
    const read = (d: Database) => listPaymentHistory(d, actors.admin, { page: 1 });
    expect(await read(db)).toMatchObject({ total: 400 * PAYMENT_HISTORY_PAGE_SIZE, totalIsCapped: true, pageCount: 400 });
    const [counted] = await rowsReadOf(pool, read, (query) => /^select count\(\*\)/.test(query));
    expect(counted!.payments!.rows).toBeLessThanOrEqual(400 * PAYMENT_HISTORY_PAGE_SIZE + 1);
  });

  it("the payment history's page 400 looks up refunds and names for its own rows only", async () => {
    const [page] = await rowsReadOf(pool, (d) => listPaymentHistory(d, actors.admin, { page: 400 }), pageOnly);
    expect(page!.refunds?.loops ?? 0).toBeLessThanOrEqual(PAYMENT_HISTORY_PAGE_SIZE);
    expect(Math.max(page!.profiles?.rows ?? 0, page!.profiles?.loops ?? 0)).toBeLessThanOrEqual(2 * PAYMENT_HISTORY_PAGE_SIZE);
    expect(page!.invoices!.loops).toBeLessThanOrEqual(2 * PAYMENT_HISTORY_PAGE_SIZE);
  });

  it.each([["every invoice", {}], ["one status", { status: "paid" }]] as const)("the staff invoice list's totals of %s come from the running totals, equal to summing every row", async (_name, filter) => {
    const [, totalsRead] = await rowsReadOf(pool, (d) => listInvoicesForActor(d, actors.admin, invoiceListQuerySchema.parse(filter)), () => true);
    expect(totalsRead!.invoices).toBeUndefined();
    const fromRunning = (await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse(filter))).totals;
    // The same filter with a creation range wide enough to match every row sums the rows themselves.
    const summed = (await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse({ ...filter, from: "2000-01-01" }))).totals;
    expect(fromRunning.length).toBeGreaterThan(1);
    expect(fromRunning).toEqual(summed);
  });

  it("the running totals follow each change of an invoice in its transaction", async () => {
    const before = (await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse({}))).totals;
    const pay = `update invoices set status = 'partially_paid', paid_minor = 5000, version = version + 1 where id = (select id from invoices where status = 'approved' and currency = 'USD' order by id limit 1)`;
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query(pay);
      await client.query("rollback");
    } finally {
      client.release();
    }
    expect((await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse({}))).totals).toEqual(before);
    await pool.query(pay);
    const after = (await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse({}))).totals;
    const usd = (rows: typeof after) => rows.find((row) => row.currency === "USD")!;
    expect(usd(after).paidMinor - usd(before).paidMinor).toBe(5000);
    expect(usd(after).count).toBe(usd(before).count);
    expect(after).toEqual((await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse({ from: "2000-01-01" }))).totals);
  });

  it("a student's payment history reads their own payments, not everyone's newest", async () => {
    const { rows } = await pool.query(`select i.student_id as id, count(*)::int as n from payments p join invoices i on i.id = p.invoice_id group by 1 order by 2 desc limit 1`);
    const student: Actor = { ...actors.student, id: rows[0].id };
    const [page] = await rowsReadOf(pool, (d) => listPaymentHistory(d, student, { page: 1 }), pageOnly);
    expect(page!.payments!.rows).toBeLessThanOrEqual(2 * rows[0].n);
  });

  it("the staff invoice list's pager stops at the last page it serves (400), not at every invoice's", async () => {
    const list = await listInvoicesForActor(db, actors.admin, invoiceListQuerySchema.parse({}));
    expect(list.total).toBeGreaterThan(400 * INVOICES_PAGE_SIZE);
    expect(list.pageCount).toBe(400);
  });

  it("the staff invoice list's page 400 joins students and assignments for its own rows only", async () => {
    const [page] = await rowsReadOf(pool, (d) => listInvoicesForActor(d, actors.admin, invoiceListQuerySchema.parse({ page: "400" })), pageOnly);
    expect(Math.max(page!.profiles!.rows, page!.profiles!.loops)).toBeLessThanOrEqual(INVOICES_PAGE_SIZE);
    expect(Math.max(page!.assignments!.rows, page!.assignments!.loops)).toBeLessThanOrEqual(INVOICES_PAGE_SIZE);
  });
});

// A busy teacher's history is mostly closed work; the dashboard and home count and list open work,
// so they should look up assignments for open rows only (scripts/bench/pages.ts: the teacher home).
describe("a teacher's open work", () => {
  const openRows = async () =>
    (await pool.query(`select count(*)::int as n from teacher_assignments where teacher_id = $1 and status in ('pending', 'accepted') and closed_at is null`, [actors.teacher.id])).rows[0].n as number;

  it.each([
    ["dashboard", (d: Database) => getTeacherDashboard(d, actors.teacher)],
    ["home", (d: Database) => getTeacherHome(d, actors.teacher)],
  ] as const)("the teacher's %s looks up assignments for open rows only", async (_name, read) => {
    const open = await openRows();
    const live = (await pool.query(`select count(*)::int as n from teacher_assignments where teacher_id = $1 and status in ('pending', 'accepted')`, [actors.teacher.id])).rows[0].n as number;
    expect(live).toBeGreaterThan(3 * open);
    for (const statement of await rowsReadOf(pool, read, () => true)) {
      const looked = statement.assignments;
      if (looked) expect(Math.max(looked.rows, looked.loops)).toBeLessThanOrEqual(Math.max(open, 1));
    }
  });
});
