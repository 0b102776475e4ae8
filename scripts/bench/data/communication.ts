import type { Loader } from "./shape";

/**
 * The other communication modules at a modest size: meetings between a teacher and the student of
 * one of their assignments (each in its own hour, so no one is booked twice and the overlap
 * constraint holds), with attendance of the ones held; announcements to each audience; and
 * visitor-chat sessions from the widget, most closed, a few converted, open or claimed.
 */
export const communicationLoader: Loader = {
  name: "communication",
  tables: ["meetings", "meeting_participants", "meeting_attendance", "announcements", "announcement_recipients", "announcement_dismissals", "pre_signin_sessions", "pre_signin_messages"],
  async load(client, shape) {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    await q(
      `create temp table b_meet as
       with taught as (select a.*, row_number() over (order by a.n) as k from b_asg a where a.teacher is not null),
       plan as (select i, now() - interval '150 days' * $2::float8 + interval '1 hour' * i as starts_at from generate_series(1, $1::int) i)
       select gen_random_uuid() as id, p.i, p.starts_at, p.starts_at + interval '45 minutes' as ends_at, a.id as assignment, a.teacher, a.student,
         case when p.starts_at + interval '45 minutes' < now() then case when p.i % 20 = 0 then 'cancelled' when p.i % 20 = 1 then 'declined' else 'completed' end
              else case when p.i % 10 = 0 then 'cancelled' else 'scheduled' end end::meeting_status as status
       from plan p join taught a on a.k = 1 + (p.i::bigint * 37) % (select count(*) from taught)`,
      [shape.meetings, shape.scale],
    );
    await q(
      `insert into meetings (id, organizer_id, assignment_id, title, agenda, starts_at, ends_at, time_zone, status, sequence, cancel_reason, cancelled_by, cancelled_at, completed_at, created_at, updated_at)
       select id, teacher, assignment, 'Review session ' || i, 'Go through the feedback', starts_at, ends_at, 'UTC', status,
         case when status = 'cancelled' then 1 else 0 end, case when status = 'cancelled' then 'Rescheduled' end,
         case when status = 'cancelled' then teacher end, case when status = 'cancelled' then starts_at - interval '1 day' end,
         case when status = 'completed' then ends_at end, starts_at - interval '5 days', starts_at - interval '1 day'
       from b_meet`,
    );
    await q(
      `insert into meeting_participants (meeting_id, user_id, role, response, responded_at, during, holds_time, created_at)
       select id, teacher, 'organizer'::meeting_participant_role, 'accepted'::meeting_response, starts_at - interval '5 days', tstzrange(starts_at, ends_at, '[)'), status = 'scheduled', starts_at - interval '5 days' from b_meet
       union all
       select id, student, 'invitee'::meeting_participant_role, case when status = 'declined' then 'declined' when i % 4 = 0 then 'invited' else 'accepted' end::meeting_response,
         case when i % 4 <> 0 or status = 'declined' then starts_at - interval '4 days' end,
         tstzrange(starts_at, ends_at, '[)'), status = 'scheduled', starts_at - interval '5 days' from b_meet`,
    );
    await q(
      `insert into meeting_attendance (meeting_id, user_id, joined_at, left_at)
       select id, u, starts_at + interval '1 minute', ends_at from b_meet, unnest(array[teacher, student]) u where status = 'completed'`,
    );
    await q(
      `insert into announcements (title, body_markdown, audience, severity, publish_at, published_at, expires_at, pinned, created_by, created_at)
       select 'Notice ' || i, '**Heads up:** the portal will be updated on the weekend.',
         (array['everyone','students','teachers','staff','users'])[1 + i % 5]::announcement_audience,
         (case when i % 7 = 0 then 'warning' else 'info' end)::announcement_severity,
         p.at, case when p.at < now() then p.at end, case when i % 3 = 0 then p.at + interval '30 days' end, i % 50 = 0, a.id, p.at - interval '1 day'
       from generate_series(1, $1::int) i
       cross join lateral (select now() - interval '730 days' * (1 - i::float8 / $1::int) + interval '3 days' as at) p
       join b_admin a on a.n = 1 + i % $2::int`,
      [shape.announcements, shape.admins],
    );
    await q(
      `insert into announcement_recipients (announcement_id, user_id)
       select a.id, s.id from announcements a cross join lateral (select id from b_student where n between 1 + (hashtext(a.id::text) & 1023) and 20 + (hashtext(a.id::text) & 1023)) s
       where a.audience = 'users'`,
    );
    await q(
      `insert into announcement_dismissals (user_id, announcement_id, dismissed_at)
       select s.id, a.id, a.published_at + interval '1 day' from announcements a join b_student s on s.n <= 50 where a.published_at is not null and a.audience in ('everyone', 'students')`,
    );
    await q(
      `create temp table b_visit as
       select gen_random_uuid() as id, i, case when i % 100 < 80 then 'closed' when i % 100 < 90 then 'converted' when i % 100 < 95 then 'claimed' else 'open' end::visitor_session_status as status,
         case when i % 100 >= 90 then now() - interval '2 hours' * random() else now() - interval '700 days' * random() end as created_at,
         f.id as staff, s.id as student
       from generate_series(1, $1::int) i join b_staff f on f.n = 1 + i % $2::int join b_student s on s.n = 1 + (i * 7) % $3::int`,
      [shape.visitorSessions, shape.csReps + shape.admins, shape.students],
    );
    await q(
      `insert into pre_signin_sessions (id, token_hash, status, offline, name, email, page_url, time_zone, ip, claimed_by, claimed_at, closed_by, closed_at, close_reason,
         converted_user_id, converted_at, last_seq, last_message_at, visitor_read_seq, staff_read_seq, created_at)
       select id, md5('visitor-' || i), status, i % 100 = 96, 'Visitor ' || i, case when i % 2 = 0 then 'visitor' || i || '@mail.test' end,
         'https://example.test/pricing', 'Europe/London', '203.0.113.' || (i % 250),
         case when status <> 'open' then staff end, case when status <> 'open' then created_at + interval '2 minutes' end,
         case when status in ('closed', 'converted') then staff end, case when status in ('closed', 'converted') then created_at + interval '20 minutes' end,
         case when status = 'closed' then 'Answered' end,
         case when status = 'converted' then student end, case when status = 'converted' then created_at + interval '20 minutes' end,
         6, created_at + interval '12 minutes', 6, case when status = 'open' then 0 else 6 end, created_at
       from b_visit`,
    );
    await q(
      `insert into pre_signin_messages (session_id, seq, author_kind, author_id, client_message_id, body, created_at)
       select v.id, s, case when s % 2 = 1 or v.status = 'open' then 'visitor' else 'staff' end::visitor_message_author,
         case when s % 2 = 0 and v.status <> 'open' then v.staff end, gen_random_uuid(),
         (array['Hi, do you help with statistics?','Yes, we do. What level?','University, second year.','Great, you can request it after signing up.','How fast?','Usually within three days.'])[s],
         v.created_at + interval '2 minutes' * s
       from b_visit v cross join generate_series(1, 6) s`,
    );
  },
};
