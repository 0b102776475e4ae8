import type { Loader } from "./shape";

/**
 * Three years of the audit log, newest the densest: staff actions on assignments, invoices,
 * payments, users, threads and the rest, one row in ten by the system (no actor), targets mostly
 * the generated assignments and invoices, the rest about people.
 */
export const auditLoader: Loader = {
  name: "audit",
  tables: ["audit_logs"],
  async load(client, shape) {
    await client.query(
      `with actors as (select array_agg(id order by n) as ids from (select n, id from b_staff union all select 100000 + n, id from b_teacher) x),
       targets as (select array_agg(id) as ids from (select id from b_asg order by n limit 100000) a),
       kinds as (select array['assignment.created','assignment.assigned','assignment.offer_accepted','assignment.delivered','assignment.completed','assignment.cancelled',
                             'invoice.drafted','invoice.submitted','invoice.approved','invoice.voided','payment.recorded','payment.refunded',
                             'user.created','user.blocked','user.role_changed','thread.helper_added','meeting.scheduled','announcement.published',
                             'visitor_session.claimed','webhook_event.failed'] as actions)
       insert into audit_logs (actor_id, action, target_type, target_id, metadata, ip, created_at)
       select case when g % 10 = 0 then null else actors.ids[1 + (g::bigint * 7919) % cardinality(actors.ids)] end,
         kinds.actions[1 + g % 20], split_part(kinds.actions[1 + g % 20], '.', 1),
         case when g % 20 between 12 and 14 then actors.ids[1 + (g::bigint * 104729) % cardinality(actors.ids)]::text
              else targets.ids[1 + (g::bigint * 31) % cardinality(targets.ids)]::text end,
         jsonb_build_object('from', 'draft', 'to', 'approved', 'n', g),
         '198.51.100.' || (g % 250),
         now() - interval '3 years' * power(g::float8 / $1::int, 1.5)
       from generate_series(1, $1::int) g, actors, targets, kinds`,
      [shape.audit],
    );
  },
};
