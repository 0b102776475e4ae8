import { sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { testDb } from "@/test/db";
import { bulkLoad, insertScalePeople, plansOf } from "@/test/scale-plans";
import { getAdminDashboard } from "./admin";
import { getStudentDashboard } from "./student";
import { getSupportDashboard } from "./support";
import { getTeacherDashboard } from "./teacher";

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
     insert into teacher_assignments (assignment_id, teacher_id, role, status, closed_at)
     select a.id, t.ids[1 + abs(hashtext(a.id::text)) % 300], 'primary', case when a.status = 'assigned' then 'pending' else 'accepted' end::teacher_assignment_status,
            case when a.status in ('completed', 'cancelled') then now() end
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
    `insert into refunds (payment_id, invoice_id, provider, amount_minor, currency, status, reason, confirmed_at)
     select p.id, p.invoice_id, 'manual', 1000, p.currency, 'succeeded', 'Scale', p.paid_at + interval '3 days' from payments p where p.status = 'partially_refunded'`,
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
});
