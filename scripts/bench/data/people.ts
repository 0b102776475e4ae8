import type { Loader } from "./shape";

/**
 * Students, teachers, CS reps and admins, joined over three years, in a spread of time zones.
 * Account 1 of each role gets `realHash` (the bench signs in as it); the rest share `dummyHash`.
 * Public IDs are written as the profiles trigger would draw them, and its sequences moved past
 * them afterwards (scripts/bench/data.ts), since the load runs with triggers off.
 * Leaves temp tables b_student, b_teacher, b_cs_rep, b_admin and b_staff (n → id) for later steps.
 */
export function peopleLoader(realHash: string, dummyHash: string): Loader {
  return {
    name: "people",
    tables: ["users", "profiles", "user_role_totals"],
    async load(client, shape) {
      await client.query(
        `insert into users (email, password_hash, role, status, created_at, updated_at, last_sign_in_at)
         select 'bench-' || r.role || '-' || lpad(i::text, 6, '0') || '@bench.test', case when i = 1 then $1 else $2 end, r.role::user_role,
           (case when i > 1 and i % 97 = 0 then 'blocked' else 'active' end)::user_status, c.at, c.at,
           case when i % 5 <> 0 then now() - interval '60 days' * random() end
         from (values ('student', $3::int), ('teacher', $4::int), ('cs_rep', $5::int), ('admin', $6::int)) as r(role, n),
              generate_series(1, r.n) as i,
              lateral (select now() - interval '3 years' * (1 - i::float8 / (r.n + 1)) * (0.7 + 0.3 * random()) - interval '1 day' as at) as c`,
        [realHash, dummyHash, shape.students, shape.teachers, shape.csReps, shape.admins],
      );
      await client.query(
        `insert into profiles (user_id, public_id, full_name, time_zone, school, subjects, updated_at)
         select u.id,
           (case u.role when 'student' then 'STU-' when 'teacher' then 'TCH-' when 'cs_rep' then 'CSR-' else 'ADM-' end) || lpad(split_part(split_part(u.email, '-', 3), '@', 1)::int::text, 6, '0'),
           (array['Amira','Ben','Chen','Dana','Elif','Farid','Grace','Hugo','Ines','Jonas','Keiko','Luis','Maya','Noah','Olga','Priya'])[1 + abs(hashtext(u.email)) % 16]
             || ' ' || (array['Haddad','Novak','Li','Okafor','Silva','Berg','Kaur','Moreau','Tanaka','Rossi','Weber','Nguyen'])[1 + abs(hashtext(u.email || 'x')) % 12]
             || ' ' || split_part(split_part(u.email, '-', 3), '@', 1)::int,
           (array['UTC','America/New_York','Europe/London','Asia/Dubai','Asia/Shanghai','America/Los_Angeles','Europe/Berlin'])[1 + abs(hashtext(u.email)) % 7],
           case when u.role = 'student' then (array['Riverside High','Northgate University','City College','Lakeside Academy'])[1 + abs(hashtext(u.email)) % 4] end,
           case when u.role = 'teacher' then array[(array['Calculus','Chemistry','History','Economics','Statistics','Physics'])[1 + abs(hashtext(u.email)) % 6]] else '{}'::text[] end,
           u.created_at
         from users u where u.email like 'bench-%@bench.test'`,
      );
      // The load runs with triggers off: the admin's users-by-role totals (trigger users_role_totals) are counted once here.
      await client.query(`select refresh_user_role_totals()`);
      for (const role of ["student", "teacher", "cs_rep", "admin"]) {
        await client.query(
          `create temp table b_${role} as select split_part(split_part(email, '-', 3), '@', 1)::int as n, id, created_at from users where email like $1`,
          [`bench-${role}-%@bench.test`],
        );
        await client.query(`create unique index on b_${role} (n)`);
      }
      // Staff numbered together (CS reps first), so a thread can pick any of them by arithmetic.
      await client.query(`create temp table b_staff as select (row_number() over (order by r.k, r.n))::int as n, r.id from (select 0 k, n, id from b_cs_rep union all select 1, n, id from b_admin) r`);
      await client.query(`create unique index on b_staff (n)`);
    },
  };
}
