import type { InboxFilter, ThreadKind, ThreadPerson } from "@/lib/messaging/types";

export const kindLabel: Record<ThreadKind, string> = { support: "Support", assignment: "Assignment", direct: "Direct" };

export const filterLabels: Record<InboxFilter, string> = { all: "All", unread: "Unread", assignment: "Assignments", support: "Support", direct: "Direct" };

export const inboxFilters = Object.keys(filterLabels) as InboxFilter[];

/**
 * Every student's support thread is called "Support"; staff see whose it is ("Support · Liam Chen"),
 * the student sees just "Support".
 */
export function threadTitle(thread: { kind: ThreadKind; subject: string }, others: readonly ThreadPerson[]): string {
  if (thread.kind !== "support") return thread.subject;
  const student = others.find((person) => person.role === "student");
  return student ? `${thread.subject} · ${student.name}` : thread.subject;
}
