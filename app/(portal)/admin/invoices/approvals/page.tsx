import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { firstValues } from "@/components/assignments/pagination";
import { ApprovalQueue } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";
import { getApprovalQueuePage } from "@/lib/invoices/staff-invoice-list";

export const metadata: Metadata = { title: "Approvals" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const { queue, timeZone } = await getApprovalQueuePage(getDb(), actor, firstValues(await searchParams).page);
  return <ApprovalQueue queue={queue} timeZone={timeZone} />;
}
