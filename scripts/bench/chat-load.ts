import type pg from "pg";

/**
 * Fills an empty, migrated database with a school's worth of messaging, set-based (generate_series),
 * for scripts/bench/chat.ts. Shape, scaled from `threads`:
 *   students threads/10, teachers threads/100, staff threads/4000 (≥ 5; a fifth of them admins);
 *   a Support thread per student (the student and one or two staff), direct threads between a staff
 *   member and a teacher (a tenth), assignment threads for the rest (the student, a teacher, a helper
 *   on one in five, a staff member) — 2–4 participants each, every staff member in thousands.
 *   Messages per thread are skewed (most threads short; one in a thousand 300 longer), about `messages`
 *   in all, authors taking turns, a few minutes apart; a fifth of participants have unread messages; one message in fifty has a file.
 * Secondary indexes are dropped during the load and rebuilt after (as a restore would), then ANALYZE.
 */
export type LoadedShape = { threads: number; messages: number; participants: number; users: number; seconds: number };

export async function loadMessaging(client: pg.ClientBase, target: { threads: number; messages: number }): Promise<LoadedShape> {
  const started = performance.now();
  const T = Math.max(10, Math.floor(target.threads));
  const perThread = Math.max(1, target.messages / T);
  const students = Math.max(10, Math.floor(T / 10));
  const teachers = Math.max(5, Math.floor(T / 100));
  const staff = Math.max(5, Math.floor(T / 4000));
  const support = Math.min(students, Math.floor(T / 10));
  const direct = Math.floor(T / 10);
  const q = (text: string, values: unknown[] = []) => client.query(text, values);

  await q("select setseed(0.42)");
  await q("set maintenance_work_mem = '256MB'");
  await q("set work_mem = '64MB'");

  // People: numbered per role in temp tables so threads can pick them by arithmetic.
  await q(
    `insert into users (email, password_hash, role, status, created_at)
     select 'chat-' || r.role || '-' || i || '@bench.test', 'x', r.role::user_role, 'active', now() - interval '2 years'
     from (values ('student', $1::int), ('teacher', $2::int), ('cs_rep', $3::int - $3::int / 5), ('admin', $3::int / 5)) as r(role, n),
          generate_series(1, r.n) as i`,
    [students, teachers, staff],
  );
  await q(`insert into profiles (user_id, full_name) select id, initcap(split_part(email, '@', 1)) from users where email like 'chat-%@bench.test'`);
  for (const [table, where] of [
    ["b_student", "role = 'student'"],
    ["b_teacher", "role = 'teacher'"],
    ["b_staff", "role in ('cs_rep', 'admin')"],
  ] as const) {
    await q(`create temp table ${table} as select (row_number() over (order by email))::int as n, id from users where email like 'chat-%@bench.test' and ${where}`);
    await q(`create unique index on ${table} (n)`);
  }

  // The plan: one row per thread with its participants, message count and start time.
  await q(
    `create temp table b_thread as
     with plan as (
       select i,
         case when i <= $2::int then 'support' when i <= $2::int + $3::int then 'direct' else 'assignment' end::thread_kind as kind,
         greatest(1, round(1 + ($5::float8 - 1) * 3 * power(random(), 2)))::int + case when i % 1000 = 0 then 300 else 0 end as msgs,
         now() - interval '400 days' * random() as started
       from generate_series(1, $1::int) as i
     )
     select p.i as n, gen_random_uuid() as id, p.kind, p.msgs, p.started,
       case when p.kind = 'assignment' then gen_random_uuid() end as assignment_id,
       st.id as student, t1.id as teacher, t2.id as helper, s1.id as staff1, s2.id as staff2
     from plan p
     left join b_student st on p.kind <> 'direct' and st.n = 1 + p.i % $4::int
     left join b_teacher t1 on p.kind <> 'support' and t1.n = 1 + (p.i * 7) % $6::int
     left join b_teacher t2 on p.kind = 'assignment' and p.i % 5 = 0 and t2.n = 1 + (p.i * 7 + 1) % $6::int
     left join b_staff s1 on s1.n = 1 + p.i % $7::int
     left join b_staff s2 on p.kind = 'support' and p.i % 3 = 0 and s2.n = 1 + (p.i + 1) % $7::int`,
    [T, support, direct, students, perThread, teachers, staff],
  );
  await q("create unique index on b_thread (n)");
  await q(
    `create temp table b_part as
     select b.id as thread_id, b.n, b.msgs, b.started, x.user_id, x.k, count(*) over (partition by b.id) as np
     from b_thread b
     cross join lateral (values (1, b.student), (2, b.teacher), (3, b.helper), (4, b.staff1), (5, b.staff2)) as x(k, user_id)
     where x.user_id is not null`,
  );
  await q(`create temp table b_author as select thread_id, (row_number() over (partition by thread_id order by k) - 1)::int as turn, np::int, user_id from b_part`);
  await q("create unique index on b_author (thread_id, turn)");

  const indexes = await q(
    `select indexname, indexdef from pg_indexes
     where schemaname = 'public' and tablename in ('threads', 'thread_participants', 'messages', 'message_attachments')
       and indexname not in (select conname from pg_constraint)`,
  );
  for (const row of indexes.rows as Array<{ indexname: string }>) await q(`drop index "${row.indexname}"`);

  await q(
    `insert into assignments (id, student_id, service_type, title, subject, instructions, due_at, due_time_zone, status, created_at)
     select b.assignment_id, b.student, (array['writing','homework','exam'])[1 + b.n % 3]::service_type,
       'Assignment ' || b.n, (array['Calculus','Organic chemistry','Macroeconomics','Statistics','History'])[1 + b.n % 5],
       'Bench instructions', b.started + interval '14 days', 'UTC', 'in_progress', b.started
     from b_thread b where b.kind = 'assignment'`,
  );
  await q(
    `insert into threads (id, kind, subject, assignment_id, support_student_id, created_by, created_at)
     select id, kind,
       case kind when 'support' then 'Support' when 'direct' then 'Schedule for week ' || (n % 52) else 'Assignment ' || n end,
       assignment_id, case when kind = 'support' then student end, coalesce(staff1, student), started
     from b_thread`,
  );
  // Foreign keys are checked by the plan's construction; replica mode skips their per-row triggers.
  await q("set session_replication_role = replica");
  await q(
    `insert into messages (thread_id, seq, author_id, client_message_id, body, created_at)
     select b.id, s, a.user_id, gen_random_uuid(),
       (array['Thanks, that helps.','Could you check the second part?','I uploaded the draft.','The deadline is Friday.','Here is the corrected version.','Which citation style?'])[1 + (b.n + s) % 6]
         || ' Note ' || s || ' on ' || left(md5(b.n::text || '-' || s), 10),
       b.started + s * interval '3 minutes'
     from b_thread b
     cross join lateral generate_series(1, b.msgs) as s
     join b_author a on a.thread_id = b.id and a.turn = s % a.np`,
  );
  await q(
    `insert into thread_participants (thread_id, user_id, joined_at, last_read_seq, unread_count, activity_at)
     select p.thread_id, p.user_id, p.started,
       case when (p.n + p.k) % 5 = 0 then greatest(0, p.msgs - 1 - (p.n % 3)) else p.msgs end,
       case when (p.n + p.k) % 5 = 0 then p.msgs - greatest(0, p.msgs - 1 - (p.n % 3)) else 0 end,
       p.started + p.msgs * interval '3 minutes'
     from b_part p`,
  );
  // One message in fifty carries a file (metadata only: nothing reads the bytes here).
  await q(
    `insert into message_attachments (thread_id, message_id, uploaded_by, storage_key, original_name, display_name, size_bytes, mime_type, created_at)
     select thread_id, id, author_id, 'bench/' || id, 'notes.pdf', 'notes.pdf', 120000, 'application/pdf', created_at
     from messages where seq % 50 = 7`,
  );
  await q("set session_replication_role = origin");
  await q(
    `update threads t set last_seq = b.msgs, last_message_id = m.id, last_message_at = m.created_at
     from b_thread b join messages m on m.thread_id = b.id and m.seq = b.msgs
     where t.id = b.id`,
  );
  for (const row of indexes.rows as Array<{ indexdef: string }>) await q(row.indexdef);
  await q("analyze");

  const counts = await q(
    `select (select count(*) from threads)::int as threads, (select count(*) from messages)::int as messages,
            (select count(*) from thread_participants)::int as participants, (select count(*) from users)::int as users`,
  );
  const row = counts.rows[0] as Omit<LoadedShape, "seconds">;
  return { ...row, seconds: (performance.now() - started) / 1000 };
}

/** Inbox owners worth timing: the busiest staff member, a typical teacher, a typical student. */
export async function benchPeople(client: pg.ClientBase): Promise<Array<{ label: string; id: string; role: string; threads: number }>> {
  const pick = async (label: string, role: string, order: string) => {
    const { rows } = await client.query(
      `select u.id, u.role::text as role, count(*)::int as threads from users u join thread_participants p on p.user_id = u.id
       where u.email like 'chat-%@bench.test' and u.role::text = any($1) group by u.id order by ${order} limit 1`,
      [role.split(",")],
    );
    const row = rows[0] as { id: string; role: string; threads: number } | undefined;
    return row ? [{ label, ...row }] : [];
  };
  return [
    ...(await pick("busiest staff member", "cs_rep,admin", "count(*) desc")),
    ...(await pick("teacher", "teacher", "count(*) desc")),
    ...(await pick("student", "student", "count(*) desc")),
  ];
}

/** The longest thread, for the thread page. */
export async function longestThread(client: pg.ClientBase): Promise<{ id: string; messages: number; participant: string }> {
  const { rows } = await client.query(
    `select t.id, t.last_seq as messages, (select user_id from thread_participants p where p.thread_id = t.id limit 1) as participant
     from threads t order by t.last_seq desc limit 1`,
  );
  return rows[0] as { id: string; messages: number; participant: string };
}
