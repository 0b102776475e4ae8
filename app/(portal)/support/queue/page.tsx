import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { firstValues } from "@/components/assignments/pagination";
import { StaffQueue } from "@/components/assignments/staff-views";
import { getStaffQueue } from "@/lib/assignments/staff-assignment-page";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Queue" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("cs_rep");
  const data = await getStaffQueue(getDb(), actor, firstValues(await searchParams));
  return <StaffQueue base="/support" data={data} />;
}
