import { skewed, type Loader } from "./shape";

/**
 * Bell notifications over two years: most to students, then teachers, then staff, each role's
 * account 1 the busiest (deep lists); everything older than a week read, a few open tasks.
 */
export const notificationsLoader: Loader = {
  name: "notifications",
  tables: ["notifications"],
  async load(client, shape) {
    await client.query(
      `with plan as (
         select g, random() as r, case when g % 20 < 12 then 'student' when g % 20 < 17 then 'teacher' else 'staff' end as who,
           ${skewed("$2::int", "(g / 20)", shape.scale)} as sn, ${skewed("$3::int", "(g / 20)", shape.scale)} as tn, ${skewed("$4::int", "(g / 20)", shape.scale)} as fn
         from generate_series(1, $1::int) g
       )
       insert into notifications (user_id, type, title, body, link, task_key, resolved_at, read_at, created_at)
       select coalesce(s.id, t.id, f.id),
         k.type, k.title, 'Open it to see the details.', '/notifications',
         case when k.type = 'invoice.approval' then 'invoice:' || md5(p.g::text)::uuid || ':approval' end,
         case when k.type = 'invoice.approval' and p.r > 0.01 then now() - interval '730 days' * p.r + interval '1 day' end,
         case when p.r > 0.01 or p.g % 3 = 0 then now() - interval '730 days' * p.r + interval '2 hours' end,
         now() - interval '730 days' * p.r
       from plan p
       left join b_student s on p.who = 'student' and s.n = p.sn
       left join b_teacher t on p.who = 'teacher' and t.n = p.tn
       left join b_staff f on p.who = 'staff' and f.n = p.fn
       cross join lateral (select (array['assignment.update','message.new','invoice.issued','meeting.invitation','invoice.approval','assignment.offer'])[1 + p.g % 6] as type) ty
       cross join lateral (select ty.type, case ty.type when 'assignment.update' then 'Your assignment moved on' when 'message.new' then 'New message'
         when 'invoice.issued' then 'A new invoice is ready' when 'meeting.invitation' then 'You are invited to a meeting'
         when 'invoice.approval' then 'An invoice waits for approval' else 'A new offer' end as title) k`,
      [shape.notifications, shape.students, shape.teachers, shape.csReps + shape.admins],
    );
  },
};
