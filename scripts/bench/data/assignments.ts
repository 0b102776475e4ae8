import { skewed, type Loader } from "./shape";

/**
 * A few years of assignments, most completed or cancelled and a few percent open (recent), each
 * with its service details, a timeline that follows the state machine (lib/assignments/state.ts),
 * the primary teacher (plus a helper on one in ten, a declined offer on one in twenty), the
 * delivery of delivered work with its file, and a brief on every other one.
 * Students and teachers are picked with a skew (shape.ts skewed: students squared, teachers to the
 * 1.5th: the busiest teacher has about 3,200 assignments over three years, the busiest student ~900).
 * Leaves temp table b_asg (n, id, student, teacher, helper, staff, status, created_at) for later steps.
 */
export const assignmentsLoader: Loader = {
  name: "assignments",
  tables: ["assignments", "writing_details", "homework_details", "exam_details", "teacher_assignments", "assignment_events", "deliveries", "assignment_files", "assignment_status_totals"],
  async load(client, shape) {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    await q(
      `create temp table b_asg as
       with plan as (
         select g as n, (g::bigint * 7919) % 100 as b, random() as r, ${skewed("$2::int", "(g / 100)", shape.scale)} as sn, ${skewed("$3::int", "(g / 100)", shape.scale, 1.5)} as tn from generate_series(1, $1::int) g
       ), statused as (
         select n, r, sn, tn, case when b < 2 then 'submitted' when b < 3 then 'assigned' when b < 5 then 'in_progress' when b < 6 then 'delivered'
                           when b < 7 then 'revision_requested' when b < 15 then 'cancelled' else 'completed' end as status
         from plan
       )
       select s.n, gen_random_uuid() as id, s.status::assignment_status as status,
         st.id as student, case when s.status <> 'submitted' and not (s.status = 'cancelled' and s.n % 2 = 0) then t.id end as teacher,
         case when s.status in ('in_progress', 'delivered', 'revision_requested', 'completed') and s.n % 10 = 0 then h.id end as helper,
         sf.id as staff,
         case when s.status in ('cancelled', 'completed') then now() - interval '1 day' * (30 + 1065 * s.r) else now() - interval '30 days' * s.r end as created_at,
         (array['writing','homework','exam'])[1 + s.n % 3]::service_type as service
       from statused s
       join b_student st on st.n = s.sn
       join b_teacher t on t.n = s.tn
       join b_teacher h on h.n = 1 + t.n % $3::int
       join b_staff sf on sf.n = 1 + s.n % $4::int`,
      [shape.assignments, shape.students, shape.teachers, shape.csReps + shape.admins],
    );
    await q(`create unique index on b_asg (n)`);
    await q(
      `insert into assignments (id, code, student_id, service_type, title, subject, instructions, due_at, due_time_zone, status, version, created_at, updated_at)
       select id, 'ASG-' || lpad(n::text, greatest(6, length(n::text)), '0'), student, service,
         (array['Essay on','Problem set:','Exam prep for','Lab report on','Case study of'])[1 + n % 5] || ' ' ||
           (array['the French Revolution','integrals','organic reactions','market equilibrium','regression models','quantum states','Shakespeare'])[1 + (n / 5) % 7] || ' #' || n,
         (array['History','Calculus','Chemistry','Economics','Statistics','Physics','Literature'])[1 + (n / 5) % 7],
         'Follow the attached brief. Cite at least five sources and keep to the word count.',
         created_at + interval '1 day' * (7 + n % 14), 'UTC', status, 1 + n % 6, created_at,
         created_at + interval '1 day' * case when status in ('completed', 'cancelled') then 10 + n % 10 else 0 end
       from b_asg`,
    );
    await q(
      `insert into writing_details (assignment_id, academic_level, pages, word_count, citation_style, paper_type)
       select id, (array['High school','Undergraduate','Master''s'])[1 + n % 3], 2 + n % 10, null, (array['APA','MLA','Chicago'])[1 + n % 3], 'Essay' from b_asg where service = 'writing'`,
    );
    await q(`insert into homework_details (assignment_id, problem_count, course_level) select id, 5 + n % 20, 'Undergraduate' from b_asg where service = 'homework'`);
    await q(
      `insert into exam_details (assignment_id, starts_at, time_zone, duration_minutes, platform, topics)
       select id, created_at + interval '5 days', 'UTC', 60 + 30 * (n % 4), 'Canvas', 'Chapters 1–6' from b_asg where service = 'exam'`,
    );
    await q(
      `insert into teacher_assignments (assignment_id, teacher_id, role, status, assigned_by, created_at, responded_at, closed_at, closed_as)
       select id, teacher, 'primary'::teacher_role, case when status = 'assigned' then 'pending' else 'accepted' end::teacher_assignment_status, staff,
         created_at + interval '2 hours', case when status <> 'assigned' then created_at + interval '5 hours' end,
         case when status in ('completed', 'cancelled') then created_at + interval '10 days' end,
         case when status in ('completed', 'cancelled') then status end
       from b_asg where teacher is not null
       union all
       select id, helper, 'helper'::teacher_role, 'accepted'::teacher_assignment_status, staff, created_at + interval '1 day', created_at + interval '26 hours',
         case when status = 'completed' then created_at + interval '10 days' end, case when status = 'completed' then status end
       from b_asg where helper is not null and helper <> teacher
       union all
       select a.id, t.id, 'primary'::teacher_role, 'declined'::teacher_assignment_status, a.staff, a.created_at + interval '1 hour', a.created_at + interval '90 minutes', null, null
       from b_asg a join b_teacher t on t.n = 1 + (a.n * 31) % $1::int
       where a.teacher is not null and a.n % 20 = 1 and t.id <> a.teacher`,
      [shape.teachers],
    );
    // Each status's road through the state machine, one event per step, spread over the work's life.
    await q(
      `insert into assignment_events (assignment_id, from_status, to_status, actor_id, note, created_at)
       select a.id, (lag(p.s) over (partition by a.id order by p.k))::assignment_status, p.s::assignment_status,
         case when p.s in ('submitted', 'completed', 'revision_requested') then a.student when p.s in ('in_progress', 'delivered') then a.teacher else a.staff end,
         case when p.s = 'revision_requested' then 'Please expand the conclusion.' end,
         a.created_at + interval '1 day' * (p.k - 1) * 2
       from b_asg a
       cross join lateral unnest(case a.status::text
         when 'submitted' then array['submitted'] when 'assigned' then array['submitted','assigned']
         when 'in_progress' then array['submitted','assigned','in_progress'] when 'delivered' then array['submitted','assigned','in_progress','delivered']
         when 'revision_requested' then array['submitted','assigned','in_progress','delivered','revision_requested']
         when 'completed' then array['submitted','assigned','in_progress','delivered','completed']
         else case when a.teacher is null then array['submitted','cancelled'] else array['submitted','assigned','in_progress','cancelled'] end end) with ordinality as p(s, k)`,
    );
    await q(
      `insert into deliveries (assignment_id, version, notes, late, delivered_by, created_at)
       select id, 1, 'Final version attached.', n % 25 = 0, teacher, created_at + interval '6 days'
       from b_asg where status in ('delivered', 'revision_requested', 'completed')`,
    );
    await q(
      `insert into assignment_files (assignment_id, kind, delivery_id, storage_key, original_name, display_name, size_bytes, mime_type, uploaded_by, created_at)
       select a.id, 'brief'::assignment_file_kind, null::uuid, 'bench/' || gen_random_uuid(), 'brief.pdf', 'brief.pdf', 50000 + a.n % 900000, 'application/pdf', a.student, a.created_at
       from b_asg a where a.n % 2 = 0
       union all
       select d.assignment_id, 'delivery', d.id, 'bench/' || gen_random_uuid(), 'solution.docx', 'solution.docx', 80000, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', d.delivered_by, d.created_at
       from deliveries d`,
    );
    // The load runs with triggers off: the admin's per-status counts (trigger assignments_status_totals) are counted once here.
    await q(`select refresh_assignment_status_totals()`);
  },
};
