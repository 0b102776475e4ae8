import type { Metadata } from "next";
import { ApprovalQueue } from "@/components/invoices/staff-views";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Approvals" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  return <ApprovalQueue actor={actor} searchParams={await searchParams} />;
}
