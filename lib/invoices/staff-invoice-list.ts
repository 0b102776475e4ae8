import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { findStudents, type StudentMatch } from "./find-students";
import { getOwnProfile } from "@/lib/profiles/queries";
import { listApprovalQueue, listInvoicesForActor } from "./queries";
import { invoiceListQuerySchema, type InvoiceListQuery } from "./schemas";

export type StaffInvoiceListPage = {
  query: InvoiceListQuery;
  /** The "Student" search as typed. */
  student: string;
  /** Students matching it when it names none or several; the list waits for a choice. */
  matches: StudentMatch[] | null;
  list: Awaited<ReturnType<typeof listInvoicesForActor>> | null;
};

/**
 * The staff invoice list from the URL's parameters. The "Student" search names one student:
 * one match filters the list by them, several are offered to choose from, none says so.
 */
export async function getStaffInvoiceList(db: Executor, actor: Actor, raw: Record<string, string | undefined>): Promise<StaffInvoiceListPage> {
  const query = invoiceListQuerySchema.parse(raw);
  const student = (raw.student ?? "").trim().slice(0, 100);
  const found = student && !query.studentId ? await findStudents(db, actor, student) : [];
  const [only] = found;
  const studentId = query.studentId ?? (found.length === 1 && only ? only.id : undefined);
  const choose = Boolean(student && !query.studentId && found.length !== 1);
  const list = choose ? null : await listInvoicesForActor(db, actor, { ...query, studentId });
  return { query, student, matches: choose ? found : null, list };
}

/** The admin's approval queue page (from the URL's `page`) and the viewer's zone. */
export async function getApprovalQueuePage(db: Executor, actor: Actor, pageParam: string | undefined) {
  const page = Math.min(400, Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1));
  const [queue, own] = await Promise.all([listApprovalQueue(db, actor, page), getOwnProfile(db, actor)]);
  return { queue, timeZone: own.profile.timeZone };
}
