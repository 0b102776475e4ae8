import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getInvoiceDetail } from "@/lib/invoices/queries";
import { getOwnProfile } from "@/lib/profiles/queries";

export type InvoiceDetail = Awaited<ReturnType<typeof getInvoiceDetail>>;

/** The invoice page's data and the viewer's time zone; a missing or foreign invoice is a 404. */
export async function loadInvoiceDetail(actor: Actor, invoiceId: string) {
  const db = getDb();
  try {
    const [detail, own] = await Promise.all([getInvoiceDetail(db, actor, invoiceId), getOwnProfile(db, actor)]);
    return { detail, timeZone: own.profile.timeZone };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
