import type pg from "pg";
import { benchAccounts } from "../data/shape";

export type PageCase = { label: string; role: keyof typeof benchAccounts; path: string; deep?: boolean };

/** A list's first page and its deep page (scripts/bench/pages/deep-url.ts finds where paging leads). */
const list = (role: PageCase["role"], name: string, path: string): PageCase[] => [
  { label: `${name}`, role, path },
  { label: `${name}, deep page`, role, path, deep: true },
];

/** Every role's home page and lists, as the signed-in account of each role sees them. */
export async function benchPages(client: pg.ClientBase): Promise<PageCase[]> {
  // The signed-in student's Support thread is the generated 5,000-message one.
  const { rows } = await client.query<{ id: string; last_seq: number }>(
    `select t.id, t.last_seq from threads t join users u on u.id = t.support_student_id where u.email = $1`,
    [benchAccounts.student],
  );
  const thread = rows[0];
  return [
    { label: "admin home", role: "admin", path: "/admin" },
    ...list("admin", "admin users", "/admin/users"),
    ...list("admin", "admin queue", "/admin/queue"),
    ...list("admin", "admin assignments", "/admin/assignments"),
    ...list("admin", "admin invoices", "/admin/invoices"),
    { label: "admin invoice approvals", role: "admin", path: "/admin/invoices/approvals" },
    ...list("admin", "admin payments", "/admin/payments"),
    ...list("admin", "admin audit log", "/admin/audit"),
    ...list("admin", "admin inbox", "/messages"),
    ...list("admin", "admin notifications", "/notifications"),
    { label: "admin announcements", role: "admin", path: "/admin/announcements" },
    { label: "admin visitor queue", role: "admin", path: "/admin/visitors" },
    { label: "CS rep home", role: "cs_rep", path: "/support" },
    ...list("cs_rep", "CS rep queue", "/support/queue"),
    ...list("cs_rep", "CS rep assignments", "/support/assignments"),
    ...list("cs_rep", "CS rep invoices", "/support/invoices"),
    ...list("cs_rep", "CS rep payments", "/support/payments"),
    ...list("cs_rep", "CS rep inbox", "/messages"),
    ...list("cs_rep", "CS rep notifications", "/notifications"),
    { label: "CS rep visitor queue", role: "cs_rep", path: "/support/visitors" },
    { label: "teacher home", role: "teacher", path: "/teacher" },
    { label: "teacher offers", role: "teacher", path: "/teacher/assignments" },
    { label: "teacher active", role: "teacher", path: "/teacher/assignments?tab=active" },
    ...list("teacher", "teacher completed", "/teacher/assignments?tab=completed"),
    ...list("teacher", "teacher inbox", "/messages"),
    ...list("teacher", "teacher notifications", "/notifications"),
    { label: "teacher meetings", role: "teacher", path: "/meetings" },
    ...list("teacher", "teacher past meetings", "/meetings?when=past"),
    { label: "student home", role: "student", path: "/student" },
    ...list("student", "student assignments", "/student/assignments"),
    ...list("student", "student invoices", "/student/invoices"),
    ...list("student", "student payments", "/student/payments"),
    { label: "student inbox", role: "student", path: "/messages" },
    ...list("student", "student notifications", "/notifications"),
    { label: "student announcements", role: "student", path: "/announcements" },
    ...(thread ? [{ label: `thread with ${thread.last_seq.toLocaleString("en")} messages`, role: "student" as const, path: `/messages/${thread.id}` }] : []),
  ];
}
