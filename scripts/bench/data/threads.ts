import type { Loader } from "./shape";

/**
 * Messaging over the generated people and assignments, set-based as scripts/bench/chat-load.ts
 * does it: a Support thread for the first quarter-of-the-threads students (the student and one or
 * two staff), direct threads between staff and a teacher (a tenth), and a thread on each of the
 * newest assignments with a teacher (the student, the teachers, a staff member). Message counts are
 * skewed (most threads short, one in a thousand 300 longer), authors take turns, a fifth of the
 * participants have unread messages, one message in fifty has a file; the signed-in student's
 * Support thread, shared with the signed-in CS rep, holds 5,000 messages for the thread page.
 */
export const threadsLoader: Loader = {
  name: "threads",
  tables: ["threads", "thread_participants", "messages", "message_attachments"],
  async load(client, shape) {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    const T = shape.threads;
    const support = Math.min(shape.students, Math.floor(T / 4));
    const direct = Math.floor(T / 10);
    const perThread = shape.messages / T;
    const staff = shape.csReps + shape.admins;
    await q(
      `create temp table b_thread as
       with asg as (
         select a.*, row_number() over (order by a.created_at desc) as k from b_asg a where a.teacher is not null
       ), plan as (
         select i,
           case when i <= $2::int then 'support' when i <= $2::int + $3::int then 'direct' else 'assignment' end::thread_kind as kind,
           case when i = 1 then 5000 else greatest(1, round(1 + ($4::float8 - 1) * 3 * power(random(), 2)))::int + case when i % 1000 = 0 then 300 else 0 end end as msgs,
           now() - interval '400 days' * random() as started
         from generate_series(1, $1::int) as i
       )
       select p.i as n, gen_random_uuid() as id, p.kind, p.msgs,
         case when p.kind = 'assignment' then greatest(a.created_at, now() - interval '400 days') else p.started end as started,
         a.id as assignment_id, coalesce(st.id, a.student) as student,
         case when p.kind = 'direct' then t1.id else a.teacher end as teacher, a.helper,
         s1.id as staff1, s2.id as staff2
       from plan p
       left join b_student st on p.kind = 'support' and st.n = p.i
       left join asg a on p.kind = 'assignment' and a.k = p.i - $2::int - $3::int
       left join b_teacher t1 on p.kind = 'direct' and t1.n = 1 + (p.i * 7) % $5::int
       left join b_staff s1 on s1.n = 1 + p.i % $6::int
       left join b_staff s2 on p.kind = 'support' and p.i % 3 = 0 and s2.n = 1 + (p.i + 1) % $6::int`,
      [T, support, direct, perThread, shape.teachers, staff],
    );
    await q("create unique index on b_thread (n)");
    await q(
      `create temp table b_part as
       select b.id as thread_id, b.n, b.msgs, b.started, x.user_id, x.k, count(*) over (partition by b.id) as np,
         least(interval '3 minutes', (now() - b.started) / (b.msgs + 1)) as step
       from b_thread b
       cross join lateral (values (1, b.student), (2, b.teacher), (3, b.helper), (4, b.staff1), (5, b.staff2)) as x(k, user_id)
       where x.user_id is not null and (x.k <> 3 or b.helper <> b.teacher) and (x.k <> 5 or b.staff2 <> b.staff1)`,
    );
    await q(`create temp table b_author as select thread_id, (row_number() over (partition by thread_id order by k) - 1)::int as turn, np::int, user_id, step from b_part`);
    await q("create unique index on b_author (thread_id, turn)");
    await q(
      `insert into threads (id, kind, subject, assignment_id, support_student_id, created_by, created_at)
       select b.id, b.kind,
         case b.kind when 'support' then 'Support' when 'direct' then 'Schedule for week ' || (b.n % 52) else coalesce(a.title, 'Assignment') end,
         b.assignment_id, case when b.kind = 'support' then b.student end, coalesce(b.staff1, b.student), b.started
       from b_thread b left join assignments a on a.id = b.assignment_id`,
    );
    await q(
      `insert into messages (thread_id, seq, author_id, client_message_id, body, created_at)
       select b.id, s, a.user_id, gen_random_uuid(),
         (array['Thanks, that helps.','Could you check the second part?','I uploaded the draft.','The deadline is Friday.','Here is the corrected version.','Which citation style?'])[1 + (b.n + s) % 6]
           || ' Note ' || s || ' on ' || left(md5(b.n::text || '-' || s), 10),
         b.started + s * a.step
       from b_thread b
       cross join lateral generate_series(1, b.msgs) as s
       join b_author a on a.thread_id = b.id and a.turn = s % a.np`,
    );
    await q(
      `insert into thread_participants (thread_id, user_id, joined_at, last_read_seq, unread_count, activity_at, unread_since, notified_at, emailed_at)
       select p.thread_id, p.user_id, p.started,
         case when (p.n + p.k) % 5 = 0 then greatest(0, p.msgs - 1 - (p.n % 3)) else p.msgs end,
         case when (p.n + p.k) % 5 = 0 then p.msgs - greatest(0, p.msgs - 1 - (p.n % 3)) else 0 end,
         p.started + p.msgs * p.step,
         case when (p.n + p.k) % 5 = 0 then p.started + p.msgs * p.step end,
         case when (p.n + p.k) % 5 = 0 then p.started + p.msgs * p.step + interval '15 minutes' end,
         case when (p.n + p.k) % 5 = 0 then p.started + p.msgs * p.step + interval '1 hour' end
       from b_part p`,
    );
    await q(
      `insert into message_attachments (thread_id, message_id, uploaded_by, storage_key, original_name, display_name, size_bytes, mime_type, created_at)
       select thread_id, id, author_id, 'bench/' || id, 'notes.pdf', 'notes.pdf', 120000, 'application/pdf', created_at
       from messages where seq % 50 = 7`,
    );
    await q(
      `update threads t set last_seq = b.msgs, last_message_id = m.id, last_message_at = m.created_at
       from b_thread b join messages m on m.thread_id = b.id and m.seq = b.msgs
       where t.id = b.id`,
    );
  },
};
