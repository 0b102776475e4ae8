import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { getOwnProfile } from "@/lib/profiles/queries";
import { getInvoiceDetail } from "./queries";
import { listRefunds } from "./refund-payment";
import { listDisputes } from "./resolve-dispute";

export type InvoicePage = Awaited<ReturnType<typeof getInvoicePage>>;

/**
 * One invoice page: the detail, the viewer's zone and, for those who refund and settle disputes
 * (admins), the payments left to refund, the refunds so far and the disputed payments. A missing
 * or foreign invoice is not_found.
 */
export async function getInvoicePage(db: Executor, actor: Actor, invoiceId: string) {
  const [detail, own] = await Promise.all([getInvoiceDetail(db, actor, invoiceId), getOwnProfile(db, actor)]);
  const refunds = can(actor, "payments:refund") ? await listRefunds(db, actor, detail.invoice) : null;
  const disputes = can(actor, "payments:resolve-dispute") ? await listDisputes(db, actor, detail.invoice) : null;
  return { detail, refunds, disputes, timeZone: own.profile.timeZone };
}
