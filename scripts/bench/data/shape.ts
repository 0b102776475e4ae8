import type pg from "pg";

/** How big one generated school is: the scale 1 counts, times `scale`. */
export type Shape = {
  scale: number;
  students: number;
  teachers: number;
  csReps: number;
  admins: number;
  assignments: number;
  invoices: number;
  threads: number;
  messages: number;
  audit: number;
  notifications: number;
  meetings: number;
  announcements: number;
  visitorSessions: number;
};

export function shapeFor(scale: number): Shape {
  const n = (count: number) => Math.max(2, Math.round(count * scale));
  return {
    scale,
    students: n(50_000),
    teachers: n(500),
    csReps: n(20),
    admins: n(5),
    assignments: n(200_000),
    invoices: n(150_000),
    threads: n(200_000),
    messages: n(2_000_000),
    audit: n(1_000_000),
    notifications: n(500_000),
    meetings: n(5_000),
    announcements: n(200),
    visitorSessions: n(20_000),
  };
}

/** The password of the one signed-in account per role; every other account has a hash nobody can match. */
export const BENCH_PASSWORD = "bench-password-2026";

/** The signed-in account of each role: the first of its role, and the busiest (the skew favours low numbers). */
export const benchAccounts = {
  student: "bench-student-000001@bench.test",
  teacher: "bench-teacher-000001@bench.test",
  cs_rep: "bench-cs_rep-000001@bench.test",
  admin: "bench-admin-000001@bench.test",
} as const;

export type Loader = {
  name: string;
  /** The tables this step fills, counted in the report. */
  tables: string[];
  load(client: pg.ClientBase, shape: Shape): Promise<void>;
};

/**
 * SQL for "person number n of a role, picked with a skew" for row `row`: low numbers are picked far
 * more often (random()^power), so account 1 of each role is a heavy user with deep lists. At scale k
 * the people form k cohorts of the scale-1 size, each skewed alike, so a person's own lists are as
 * long at scale 4 as at scale 1 (four times the school, not four times the work per person).
 * `row` must not be tied to the row's other choices (status, role), or a cohort misses some.
 */
export function skewed(count: string, row: string, scale: number, power = 2): string {
  const cohorts = Math.max(1, Math.round(scale));
  return `(1 + (${row} % ${cohorts}) * (${count} / ${cohorts}) + floor((${count} / ${cohorts}) * power(random(), ${power})))::int`;
}
