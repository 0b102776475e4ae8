import { and, eq, notInArray, sql, type SQL } from "drizzle-orm";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";

/**
 * Which invoices an actor may see, as a `where` clause every read and every locked write applies:
 * staff all; a student their own once issued (drafts and invoices waiting for approval are
 * internal); anyone else nothing. An invoice outside the scope is not found, never forbidden.
 */
export function invoiceScope(actor: Actor): SQL {
  if (can(actor, "invoices:view-all")) return sql`true`;
  if (can(actor, "invoices:view-own")) return and(eq(invoices.studentId, actor.id), notInArray(invoices.status, ["draft", "pending_approval"])) ?? sql`false`;
  return sql`false`;
}

export const invoiceLinks = {
  student: (id: string) => `/student/invoices/${id}`,
  support: (id: string) => `/support/invoices/${id}`,
  admin: (id: string) => `/admin/invoices/${id}`,
};
