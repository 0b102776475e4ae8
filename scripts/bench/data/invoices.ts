import type { Loader } from "./shape";

/**
 * An invoice for most assignments that got a teacher, its status following the work (completed work
 * paid, delivered work issued or part paid, work in progress drafted or waiting for approval), with
 * 1–3 items in integer minor units, a number per year in issue order (INV-YYYY-NNNNN, the counters
 * set to match), its payment (and a failed attempt before one in ten), refunds of refunded ones, and
 * a timeline along lib/invoices/state.ts.
 */
export const invoicesLoader: Loader = {
  name: "invoices",
  tables: ["invoices", "invoice_items", "payments", "refunds", "invoice_events", "invoice_number_counters", "invoice_totals", "revenue_slots"],
  async load(client, shape) {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    await q(
      `create temp table b_inv as
       with picked as (
         select a.*, row_number() over (order by md5(a.id::text)) as k from b_asg a
         where a.teacher is not null and a.status not in ('cancelled', 'submitted')
       ), statused as (
         select p.*, (p.n * 13) % 100 as h, least(p.created_at + interval '6 days', now() - interval '1 hour') as made
         from picked p where p.k <= $1::int
       )
       select gen_random_uuid() as id, s.n, s.id as assignment, s.student, s.staff, s.made as created_at,
         case s.status::text
           when 'completed' then case when h < 88 then 'paid' when h < 92 then 'partially_refunded' when h < 94 then 'refunded' when h < 97 then 'void' else 'partially_paid' end
           when 'delivered' then case when h < 60 then 'approved' when h < 90 then 'partially_paid' else 'pending_approval' end
           when 'revision_requested' then case when h < 60 then 'approved' when h < 90 then 'partially_paid' else 'pending_approval' end
           else case when h < 40 then 'draft' when h < 70 then 'pending_approval' else 'approved' end
         end::invoice_status as status,
         case when s.n % 20 = 0 then 'EUR' when s.n % 33 = 0 then 'GBP' else 'USD' end as currency,
         (array['stripe','stripe','stripe','paypal','paypal','manual'])[1 + s.n % 6]::payment_provider as provider
       from statused s`,
      [shape.invoices],
    );
    await q(`create unique index on b_inv (id)`);
    await q(
      `create temp table b_item as
       select i.id as invoice_id, k as position, 1 + (i.n + k) % 3 as quantity, (1500 + ((i.n * k * 37) % 180) * 100)::bigint as unit
       from b_inv i cross join lateral generate_series(1, 1 + i.n % 3) k`,
    );
    await q(
      `insert into invoice_items (invoice_id, position, description, quantity, unit_price_minor, amount_minor)
       select invoice_id, position, (array['Tutoring session','Essay review','Problem set','Exam preparation'])[position], quantity, unit, quantity * unit from b_item`,
    );
    await q(
      `insert into invoices (id, number, assignment_id, student_id, status, currency, total_minor, paid_minor, refunded_minor, due_date, notes,
         drafted_by, submitted_at, approved_by, issued_at, voided_by, voided_at, paid_at, void_reason, version, created_at, updated_at)
       with totals as (select invoice_id, sum(quantity * unit)::bigint as total from b_item group by invoice_id),
       dated as (
         select i.*, t.total, i.status not in ('draft', 'pending_approval') as issued,
           least(i.created_at + interval '1 day', now() - interval '30 minutes') as issued_at
         from b_inv i join totals t on t.invoice_id = i.id
       ),
       timed as (select d.*, row_number() over (partition by d.issued, extract(year from d.issued_at) order by d.issued_at, d.id) as rn from dated d)
       select t.id,
         case when t.issued then 'INV-' || extract(year from t.issued_at) || '-' || lpad(t.rn::text, greatest(5, length(t.rn::text)), '0') end,
         t.assignment, t.student, t.status, t.currency, t.total,
         case when t.status in ('paid', 'partially_refunded', 'refunded') then t.total when t.status = 'partially_paid' then t.total * 4 / 10 else 0 end,
         case when t.status = 'partially_refunded' then 1000 when t.status = 'refunded' then t.total else 0 end,
         (coalesce(case when t.issued then t.issued_at end, t.created_at) + interval '14 days')::date, null,
         t.staff, case when t.status <> 'draft' then t.created_at + interval '2 hours' end,
         case when t.issued then a.id end, case when t.issued then t.issued_at end,
         case when t.status = 'void' then a.id end, case when t.status = 'void' then t.issued_at + interval '2 days' end,
         case when t.status in ('paid', 'partially_refunded', 'refunded') then least(t.issued_at + interval '3 days', now()) end,
         case when t.status = 'void' then 'Replaced by a corrected invoice' end,
         1 + t.n % 4, t.created_at, t.created_at + interval '3 days'
       from timed t join b_admin a on a.n = 1 + t.n % $1::int`,
      [shape.admins],
    );
    await q(
      `insert into invoice_number_counters (year, last_value)
       select split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int) from invoices where number is not null group by 1`,
    );
    await q(
      `insert into payments (invoice_id, provider, provider_reference, stripe_payment_intent, paypal_capture_id, amount_minor, currency, status, method, paid_at, recorded_by, created_at, updated_at)
       select v.id, b.provider,
         case b.provider when 'stripe' then 'cs_bench_' when 'paypal' then 'PAYPAL-' else 'BANK-' end || replace(v.id::text, '-', ''),
         case when b.provider = 'stripe' then 'pi_bench_' || replace(v.id::text, '-', '') end,
         case when b.provider = 'paypal' then 'CAP-' || replace(v.id::text, '-', '') end,
         v.paid_minor, v.currency,
         case v.status when 'partially_refunded' then 'partially_refunded' when 'refunded' then 'refunded' else 'succeeded' end::payment_status,
         case when b.provider = 'manual' then 'bank_transfer' end,
         coalesce(v.paid_at, v.issued_at + interval '2 days'), case when b.provider = 'manual' then b.staff end,
         coalesce(v.paid_at, v.issued_at + interval '2 days'), coalesce(v.paid_at, v.issued_at + interval '2 days')
       from invoices v join b_inv b on b.id = v.id where v.paid_minor > 0
       union all
       select v.id, 'stripe'::payment_provider, 'cs_failed_' || replace(v.id::text, '-', ''), null, null, v.total_minor, v.currency, 'failed'::payment_status, null, null, null,
         v.issued_at + interval '1 day', v.issued_at + interval '1 day'
       from invoices v join b_inv b on b.id = v.id where v.paid_minor > 0 and b.n % 10 = 0`,
    );
    await q(
      `insert into refunds (payment_id, invoice_id, provider, provider_reference, amount_minor, currency, status, reason, requested_by, confirmed_at, created_at, updated_at)
       select p.id, p.invoice_id, p.provider, case when p.provider = 'stripe' then 're_bench_' || replace(p.id::text, '-', '') end,
         v.refunded_minor, p.currency, 'succeeded', 'Student asked for a refund', b.staff, p.paid_at + interval '5 days', p.paid_at + interval '4 days', p.paid_at + interval '5 days'
       from payments p join invoices v on v.id = p.invoice_id join b_inv b on b.id = v.id
       where p.status in ('partially_refunded', 'refunded')`,
    );
    await q(
      `insert into invoice_events (invoice_id, from_status, to_status, actor_id, created_at)
       select b.id, (lag(p.s) over (partition by b.id order by p.k))::invoice_status, p.s::invoice_status,
         case when p.s in ('draft', 'pending_approval') then b.staff when p.s in ('paid', 'partially_paid') then b.student else v.approved_by end,
         b.created_at + interval '1 day' * (p.k - 1)
       from b_inv b join invoices v on v.id = b.id
       cross join lateral unnest(case b.status::text
         when 'draft' then array['draft'] when 'pending_approval' then array['draft','pending_approval']
         when 'approved' then array['draft','pending_approval','approved'] when 'partially_paid' then array['draft','pending_approval','approved','partially_paid']
         when 'paid' then array['draft','pending_approval','approved','paid'] when 'partially_refunded' then array['draft','pending_approval','approved','paid','partially_refunded']
         when 'refunded' then array['draft','pending_approval','approved','paid','refunded']
         else array['draft','pending_approval','approved','void'] end) with ordinality as p(s, k)`,
    );
    // The load runs with triggers off, so the running totals (trigger invoices_totals) are summed once here.
    await q(
      `insert into invoice_totals (currency, status, due_date, invoices, total_minor, paid_minor)
       select currency, status, due_date, count(*), sum(total_minor), sum(paid_minor) from invoices group by currency, status, due_date`,
    );
    // Likewise the admin's revenue per 15-minute slot (triggers payments_revenue and refunds_revenue).
    await q(`select refresh_revenue_slots()`);
  },
};
